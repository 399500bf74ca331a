package app.realmoments.profile;

import app.realmoments.time.Times;

/**
 * The caller's own profile as {@code GET/PUT /me} return it; {@code campusId} and {@code campusVerifiedAt}
 * are absent until the caller verifies a campus.
 */
public record ProfileView(String userId, String handle, String displayName, String campusId,
                          String campusVerifiedAt, String createdAt, String updatedAt) {

    public static ProfileView of(Profile profile) {
        return new ProfileView(profile.userId(), profile.handle(), profile.displayName(), profile.campusId(),
                profile.campusVerifiedAt() == null ? null : Times.iso(profile.campusVerifiedAt()),
                Times.iso(profile.createdAt()), Times.iso(profile.updatedAt()));
    }
}
