package app.realmoments.account;

/**
 * The user pool's side of an account: where sign-in lives. Suspending an account disables it (its
 * tokens stop working and it cannot sign in); erasing one deletes the pool user, last of all. Both are
 * idempotent: a user already disabled, or already gone, is not an error.
 */
public interface UserDirectory {

    /** Disables the account and signs it out everywhere; nothing when it is already disabled or gone. */
    void disable(String userId);

    /** Deletes the pool user; nothing when it is already gone. */
    void delete(String userId);
}
