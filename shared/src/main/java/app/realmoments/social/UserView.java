package app.realmoments.social;

import app.realmoments.profile.Profile;

/** Another user as {@code GET /users/{userId}} shows them: the public profile and where the caller stands. */
public record UserView(String userId, String handle, String displayName, String campusId, Friendship friendship) {

    public static UserView of(Profile profile, Friendship friendship) {
        return new UserView(profile.userId(), profile.handle(), profile.displayName(), profile.campusId(), friendship);
    }
}
