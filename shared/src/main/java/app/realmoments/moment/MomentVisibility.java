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
 * one (campus/CampusVerification). Minus what the viewer reported (the moment, or its author: a one-way
 * hide, not a block) and what moderation hid (the moment, or its author's whole profile: reported by
 * enough people, or suspended). Every route that returns or acts on a moment asks this class, and
 * comments pass the same moderation part ({@link #shown}).
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
     * viewer's standing with the author (friends, blocked either way, reported: the author or this
     * moment) is one batch read, and only for a published moment of someone else; then the author's
     * profile is read too (moderation may have hidden the author).
     */
    public boolean canSee(String viewerId, Profile viewer, Moment moment) {
        if (moment.authorId().equals(viewerId) || !moment.isPublished() || moment.hidden()) {
            return moment.authorId().equals(viewerId); // what moderation hid needs no read to refuse
        }
        SocialGraph.Standing standing = graph.standingWith(viewerId, List.of(moment.authorId()),
                List.of(SocialGraph.ref("moment", moment.momentId())));
        Profile author = profiles.find(moment.authorId()).orElse(null);
        return rule(viewerId, viewer, moment, standing, () -> author);
    }

    /** How the viewer stands with these authors (one batch read), for {@link #forPage}. */
    public SocialGraph.Standing standing(String viewerId, Collection<String> authorIds) {
        return standing(viewerId, authorIds, List.of());
    }

    /**
     * How the viewer stands with these authors, and which of these moments they reported (one batch
     * read), for {@link #forPage}.
     */
    public SocialGraph.Standing standing(String viewerId, Collection<String> authorIds, Collection<String> momentIds) {
        return graph.standingWith(viewerId, authorIds.stream().filter(a -> !a.equals(viewerId)).distinct().toList(),
                momentIds.stream().map(id -> SocialGraph.ref("moment", id)).toList());
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

    /** The rule itself. */
    private static boolean rule(String viewerId, Profile viewer, Moment moment, SocialGraph.Standing standing,
                                Supplier<Profile> author) {
        if (moment.authorId().equals(viewerId)) {
            return true;
        }
        if (!moment.isPublished()
                || !shown(viewerId, moment.authorId(), "moment", moment.momentId(), moment.hidden(), standing, author.get())) {
            return false;
        }
        return standing.friends().contains(moment.authorId())
                || sameCampus(viewer, moment) && sameCampus(author.get(), moment);
    }

    /**
     * The part of the rule every piece of content passes, moments and comments alike: its author always
     * sees it; nobody else when moderation hid it ({@code hidden}) or its author ({@link Profile#hidden}),
     * when a block stands between the two either way, or when the viewer reported it or its author.
     *
     * @param standing the viewer's standing with {@code authorId}, with the report of {@code type#id} asked
     * @param author the author's profile (null when unknown: not hidden)
     */
    public static boolean shown(String viewerId, String authorId, String type, String id, boolean hidden,
                                SocialGraph.Standing standing, Profile author) {
        if (authorId.equals(viewerId)) {
            return true;
        }
        return !hidden && (author == null || !author.hidden()) && !standing.hides(authorId)
                && !standing.reported(type, id);
    }

    /** Whether a campus moment's campus is this person's verified campus. */
    private static boolean sameCampus(Profile person, Moment moment) {
        return moment.audience() == Audience.CAMPUS && moment.campusId() != null
                && person != null && moment.campusId().equals(person.campusId());
    }
}
