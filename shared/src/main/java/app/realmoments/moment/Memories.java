package app.realmoments.moment;

import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.UserIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /users/{userId}/moments}: someone's moments newest first. The author gets their whole
 * history; a friend gets every published moment; a member of the author's campus gets the published
 * campus moments of that campus; anyone else an empty list; a user blocked either way, like an
 * unknown user, 404 (and so does an author moderation hid, or one the reader reported). The reader's
 * standing is decided once, then the author's index is read with a filter that says it, so no moment is
 * fetched only to be dropped, but what moderation hid or the reader reported (one batch read per slice).
 */
public final class Memories {

    /** Index pages read at most per request, so a history of hidden moments cannot keep it busy. */
    static final int MAX_SLICES = 5;

    private final MomentStore moments;
    private final ProfileStore profiles;
    private final SocialGraph graph;
    private final MomentViews views;
    private final Cursors cursors;

    public Memories(MomentStore moments, ProfileStore profiles, SocialGraph graph, MomentViews views, Cursors cursors) {
        this.moments = moments;
        this.profiles = profiles;
        this.graph = graph;
        this.views = views;
        this.cursors = cursors;
    }

    public Page<MomentView> of(String viewerId, String authorId, int limit, String cursor) {
        if (!UserIds.isWellFormed(authorId)) {
            throw UserIds.unknownUser();
        }
        String scope = "memories:" + authorId + ":" + viewerId;
        Map<String, String> position = cursors.decode(scope, cursor);
        Map<String, Profile> people = profiles.findAll(new java.util.HashSet<>(List.of(viewerId, authorId)));
        Profile author = people.get(authorId);
        MomentStore.AuthorFilter filter;
        if (authorId.equals(viewerId)) {
            filter = new MomentStore.AuthorFilter.Everything();
        } else {
            SocialGraph.Standing standing = graph.standingWith(viewerId, List.of(authorId));
            if (author == null || standing.hides(authorId) || author.hidden()) {
                throw UserIds.unknownUser();
            }
            Profile viewer = people.get(viewerId);
            if (standing.friends().contains(authorId)) {
                filter = new MomentStore.AuthorFilter.Published();
            } else if (viewer != null && viewer.campusId() != null && viewer.campusId().equals(author.campusId())) {
                // the one rule (MomentVisibility): a campus moment while both are verified members of its campus
                filter = new MomentStore.AuthorFilter.PublishedToCampus(viewer.campusId());
            } else {
                return new Page<>(List.of(), null);
            }
        }
        List<MomentView> items = new ArrayList<>();
        Map<String, String> next = position;
        for (int slice = 0; slice < MAX_SLICES && items.size() < limit; slice++) {
            MomentStore.Slice page = moments.byAuthor(authorId, filter, limit - items.size(), next);
            List<Moment> shown = visible(viewerId, people.get(viewerId), author, page.moments());
            Map<String, String> mine = views.mine(viewerId, shown.stream().map(Moment::momentId).toList());
            shown.forEach(m -> items.add(views.view(m, author, true, mine.get(m.momentId()))));
            next = page.next();
            if (next == null) {
                break;
            }
        }
        return new Page<>(items, cursors.encode(scope, next));
    }

    /**
     * What of a slice the one rule lets a reader other than the author see, moderation included (moments
     * hidden or reported): one batch read of the reader's report edges of the slice's moments.
     */
    private List<Moment> visible(String viewerId, Profile viewer, Profile author, List<Moment> slice) {
        if (author.userId().equals(viewerId) || slice.isEmpty()) {
            return slice;
        }
        SocialGraph.Standing standing = graph.standingWith(viewerId, List.of(author.userId()),
                slice.stream().map(m -> SocialGraph.ref("moment", m.momentId())).toList());
        return slice.stream().filter(MomentVisibility.forPage(viewerId, viewer, standing,
                Map.of(author.userId(), author))).toList();
    }
}
