package app.realmoments.moment;

import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.social.SocialGraph;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one rule for "may viewer V see moment M": the author always; nobody else before it is published;
 * never across a block in either direction; for {@code friends}, accepted friends; for {@code campus},
 * accepted friends and the <em>verified</em> members of the moment's campus, while its author still is
 * one (an author who left their campus is seen there only by friends). A profile's campus is the verified
 * one (campus/CampusVerification). Every route that returns or acts on a moment asks this class.
 */
public final class MomentVisibility {

    private final SocialGraph graph;
    private final ProfileStore profiles;

    public MomentVisibility(SocialGraph graph, ProfileStore profiles) {
        this.graph = graph;
        this.profiles = profiles;
    }

    /**
     * {@code viewer} is the caller's profile, or null if they have none yet (then no campus). The
     * viewer's standing with the author (friends, blocked either way) is one batch read, and only for
     * a published moment of someone else; the author's profile is read only when the campus decides.
     */
    public boolean canSee(String viewerId, Profile viewer, Moment moment) {
        if (moment.authorId().equals(viewerId) || !moment.isPublished()) {
            return moment.authorId().equals(viewerId);
        }
        return rule(viewerId, viewer, moment, standing(viewerId, List.of(moment.authorId())),
                () -> profiles.find(moment.authorId()).orElse(null));
    }

    /** How the viewer stands with these authors (one batch read), for {@link #forPage}. */
    public SocialGraph.Standing standing(String viewerId, Collection<String> authorIds) {
        return graph.standingWith(viewerId, authorIds.stream().filter(a -> !a.equals(viewerId)).distinct().toList());
    }

    /**
     * The same rule for a page whose standing and authors' profiles were already read (with the page's
     * other reads): an author missing from {@code standing} counts as neither friend nor blocked, one
     * missing from {@code authors} as no member of any campus.
     */
    public static Predicate<Moment> forPage(String viewerId, Profile viewer, SocialGraph.Standing standing,
                                            Map<String, Profile> authors) {
        return moment -> rule(viewerId, viewer, moment, standing, () -> authors.get(moment.authorId()));
    }

    /** The rule itself; the author's profile is asked for only when the campus decides. */
    private static boolean rule(String viewerId, Profile viewer, Moment moment, SocialGraph.Standing standing,
                                Supplier<Profile> author) {
        if (moment.authorId().equals(viewerId)) {
            return true;
        }
        if (!moment.isPublished() || standing.blocked().contains(moment.authorId())) {
            return false;
        }
        return standing.friends().contains(moment.authorId())
                || sameCampus(viewer, moment) && sameCampus(author.get(), moment);
    }

    /** Whether a campus moment's campus is this person's verified campus. */
    private static boolean sameCampus(Profile person, Moment moment) {
        return moment.audience() == Audience.CAMPUS && moment.campusId() != null
                && person != null && moment.campusId().equals(person.campusId());
    }
}
