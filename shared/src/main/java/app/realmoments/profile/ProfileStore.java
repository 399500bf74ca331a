package app.realmoments.profile;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface ProfileStore {

    Optional<Profile> find(String userId);

    /** The profiles of these users that exist, keyed by user id (one batch read, not one per user). */
    Map<String, Profile> findAll(Collection<String> userIds);

    /**
     * Writes the profile and claims its handle in one transaction, releasing {@code previousHandle}
     * when it changed. Fails with a 409 problem when another user holds the handle.
     */
    void save(Profile profile, String previousHandle);

    /**
     * The same, knowing the whole previous profile (null for a new one), so a store that keeps campus
     * membership ({@code CAMPUS#c / MEMBER#u}) moves it with the profile in the same transaction.
     */
    default void update(Profile previous, Profile profile) {
        save(profile, previous == null ? null : previous.handle());
    }
}
