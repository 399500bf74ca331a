package app.realmoments.account;

import java.time.Instant;

/**
 * Accounts that asked to be deleted, or that a moderator suspended: a token issued before stays valid
 * until it expires (API Gateway's JWT authorizer never asks the user pool, which only stops issuing new
 * ones), so every route asks here first and refuses a closed account. The record names nobody: it is keyed by a keyed hash of the user id and expires once
 * every token issued before the deletion has expired.
 */
public interface ClosedAccounts {

    /** Where an account's erasure stands. */
    enum State {
        /** Never closed (or closed so long ago that no token of it is still valid). */
        OPEN,
        /** A moderator suspended it ({@code suspend_author}): the pool user is disabled, its tokens refused. */
        SUSPENDED,
        /** DELETE /me was asked: erasure is under way. */
        DELETING,
        /** The walk is done: nothing of the user is left but this record. */
        ERASED
    }

    /** Closes the account until {@code until} (kept when already later); idempotent. */
    void close(String userId, Instant until);

    /**
     * Refuses the account's tokens until {@code until} (the last token issued before its suspension has
     * expired by then, and the disabled pool user gets no new one); idempotent, and a deletion under way
     * stays one.
     */
    void suspend(String userId, Instant until);

    /** Records that the walk finished (the account stays closed until the same time). */
    void markErased(String userId, Instant until);

    State state(String userId);

    default boolean isClosed(String userId) {
        return state(userId) != State.OPEN;
    }

    /** No account is ever closed: functions without the users table, and unit tests. */
    ClosedAccounts NONE = new ClosedAccounts() {
        @Override
        public void close(String userId, Instant until) {
        }

        @Override
        public void suspend(String userId, Instant until) {
        }

        @Override
        public void markErased(String userId, Instant until) {
        }

        @Override
        public State state(String userId) {
            return State.OPEN;
        }
    };
}
