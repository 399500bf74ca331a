package app.realmoments.profile;

import app.realmoments.error.Problem;
import java.time.Clock;
import java.time.Instant;

/** {@code GET/PUT /me}: the caller's own profile. */
public final class ProfileService {

    private final ProfileStore profiles;
    private final Clock clock;

    public ProfileService(ProfileStore profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    public Profile me(String callerId) {
        return profiles.find(callerId)
                .orElseThrow(() -> new Problem(Problem.Kind.NOT_FOUND, "profile_not_found",
                        "no profile yet: create it with PUT /me", null));
    }

    public Profile update(String callerId, ProfileUpdate update) {
        ProfileUpdate valid = update.validated();
        Instant now = clock.instant();
        Profile existing = profiles.find(callerId).orElse(null);
        Profile updated = new Profile(callerId, valid.handle(), valid.displayName(), valid.campusId(),
                existing == null ? now : existing.createdAt(), now);
        profiles.update(existing, updated);
        return updated;
    }
}
