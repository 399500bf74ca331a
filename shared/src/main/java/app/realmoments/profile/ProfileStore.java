package app.realmoments.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface ProfileStore {

    Optional<Profile> find(String userId);

    /** The profiles of these users that exist, keyed by user id (one batch read, not one per user). */
    Map<String, Profile> findAll(Collection<String> userIds);

    /**
     * Writes the profile's handle, name and times and claims its handle in one transaction, releasing
     * {@code previousHandle} when it changed. Fails with a 409 problem when another user holds the handle.
     * A store that keeps membership apart (campus/MembershipStore) leaves the campus as it is.
     */
    void save(Profile profile, String previousHandle);

    /**
     * The same, knowing the whole previous profile (null for a new one): written only if the stored one is
     * still that, so of two concurrent updates one wins (409 for the other).
     */
    default void update(Profile previous, Profile profile) {
        save(profile, previous == null ? null : previous.handle());
    }
}
