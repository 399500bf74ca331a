package app.realmoments.social;

import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;

/** {@code GET /users/{userId}}: someone's public profile and the caller's friendship with them. */
public final class UserDirectory {

    private final ProfileStore profiles;
    private final SocialGraphStore graph;

    public UserDirectory(ProfileStore profiles, SocialGraphStore graph) {
        this.profiles = profiles;
        this.graph = graph;
    }

    /**
     * Not found when the id is malformed or unknown, when either of the two blocked the other, when the
     * viewer reported them, or when moderation hid them (someone else asking).
     */
    public UserView find(String viewerId, String userId) {
        if (!UserIds.isWellFormed(userId)) {
            throw UserIds.unknownUser();
        }
        Relation relation = userId.equals(viewerId) ? Relation.NONE : graph.relation(viewerId, userId);
        if (relation.blockedEitherWay() || relation.reported()) {
            throw UserIds.unknownUser();
        }
        Profile profile = profiles.find(userId).orElseThrow(UserIds::unknownUser);
        if (profile.hidden() && !userId.equals(viewerId)) {
            throw UserIds.unknownUser();
        }
        return UserView.of(profile, relation.friendship());
    }
}
