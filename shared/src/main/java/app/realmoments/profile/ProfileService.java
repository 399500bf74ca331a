package app.realmoments.profile;

import app.realmoments.error.Problem;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET/PUT /me}: the caller's own profile. The campus is not set here: it comes only from verifying
 * a school email (campus/CampusVerification); a {@code campusId} other than the verified one is a 400.
 */
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
        String campus = existing == null ? null : existing.campusId();
        if (valid.campusId() != null && !valid.campusId().equals(campus)) {
            throw new Problem(Problem.Kind.INVALID, "campus_requires_verification",
                    "a campus is joined by verifying a school email: POST /me/campus/verification", "campusId");
        }
        Profile updated = new Profile(callerId, valid.handle(), valid.displayName(), campus,
                existing == null ? now : existing.createdAt(), now, existing == null ? null : existing.campusVerifiedAt());
        profiles.update(existing, updated);
        return updated;
    }
}
