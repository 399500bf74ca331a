package app.realmoments.profile;

import app.realmoments.time.Times;

/** The caller's own profile as {@code GET/PUT /me} return it. */
public record ProfileView(String userId, String handle, String displayName, String campusId,
                          String createdAt, String updatedAt) {

    public static ProfileView of(Profile profile) {
        return new ProfileView(profile.userId(), profile.handle(), profile.displayName(), profile.campusId(),
                Times.iso(profile.createdAt()), Times.iso(profile.updatedAt()));
    }
}
