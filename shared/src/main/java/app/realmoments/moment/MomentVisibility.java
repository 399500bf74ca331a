package app.realmoments.moment;

import app.realmoments.profile.Profile;
import app.realmoments.social.SocialGraph;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

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

    /**
     * {@code viewer} is the caller's profile, or null if they have none yet (then no campus). The
     * viewer's standing with the author (friends, blocked either way) is one batch read, and only for
     * a published moment of someone else.
     */
    public boolean canSee(String viewerId, Profile viewer, Moment moment) {
        if (moment.authorId().equals(viewerId) || !moment.isPublished()) {
            return moment.authorId().equals(viewerId);
        }
        return forPage(viewerId, viewer, standing(viewerId, List.of(moment.authorId()))).test(moment);
    }

    /** How the viewer stands with these authors (one batch read), for {@link #forPage(String, Profile, SocialGraph.Standing)}. */
    public SocialGraph.Standing standing(String viewerId, Collection<String> authorIds) {
        return graph.standingWith(viewerId, authorIds.stream().filter(a -> !a.equals(viewerId)).distinct().toList());
    }

    /**
     * The same rule for a page whose standing was already read (with the page's other reads): an
     * author missing from {@code standing} counts as neither friend nor blocked.
     */
    public static Predicate<Moment> forPage(String viewerId, Profile viewer, SocialGraph.Standing standing) {
        return moment -> rule(viewerId, viewer, moment, standing.friends().contains(moment.authorId()),
                standing.blocked().contains(moment.authorId()));
    }

    private static boolean rule(String viewerId, Profile viewer, Moment moment, boolean friends, boolean blocked) {
        if (moment.authorId().equals(viewerId)) {
            return true;
        }
        if (!moment.isPublished() || blocked) {
            return false;
        }
        boolean sameCampus = moment.audience() == Audience.CAMPUS && moment.campusId() != null
                && viewer != null && moment.campusId().equals(viewer.campusId());
        return sameCampus || friends;
    }
}
