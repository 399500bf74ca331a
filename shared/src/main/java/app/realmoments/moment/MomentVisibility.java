package app.realmoments.moment;

import app.realmoments.profile.Profile;
import app.realmoments.social.SocialGraph;

/**
 * The one rule for "may viewer V see moment M": the author always; nobody else before it is published;
 * never across a block in either direction; for {@code friends}, accepted friends; for {@code campus},
 * accepted friends and members of the moment's campus. Every route that returns or acts on a moment
 * asks this class.
 */
public final class MomentVisibility {

    private final SocialGraph graph;

    public MomentVisibility(SocialGraph graph) {
        this.graph = graph;
    }

    /** {@code viewer} is the caller's profile, or null if they have none yet (then no campus). */
    public boolean canSee(String viewerId, Profile viewer, Moment moment) {
        if (moment.authorId().equals(viewerId)) {
            return true;
        }
        if (!moment.isPublished()) {
            return false;
        }
        if (graph.blockedEitherWay(viewerId, moment.authorId())) {
            return false;
        }
        boolean sameCampus = moment.audience() == Audience.CAMPUS && moment.campusId() != null
                && viewer != null && moment.campusId().equals(viewer.campusId());
        return sameCampus || graph.areFriends(viewerId, moment.authorId());
    }
}
