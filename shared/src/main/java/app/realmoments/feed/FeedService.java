package app.realmoments.feed;

import app.realmoments.error.Problem;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code GET /feed} and {@code GET /campuses/{campusId}/feed}: feed entries newest first, resolved
 * to moments. A slice of entries costs one Query and one {@link PageReads} read, whatever its size:
 * the moments, the viewer's standing with the slice's authors (friends, blocks), the profiles of the
 * viewer and those authors and the viewer's own reactions, all in one BatchGetItem with the Dynamo
 * reads (a second request only past 100 keys, see {@code feed.dynamo.DynamoPageReads}). Entries whose moment is
 * gone or no longer visible are skipped, and the page is filled from the next slice when more exist:
 * each extra slice, read only because entries were skipped, costs one more Query and BatchGetItem.
 */
public final class FeedService {

    /** Slices read at most per page, so a feed of deleted moments cannot keep one request busy. */
    static final int MAX_SLICES = 5;

    private final FeedStore feeds;
    private final PageReads reads;
    private final ProfileStore profiles;
    private final MomentViews views;
    private final Cursors cursors;
    private final Clock clock;

    public FeedService(FeedStore feeds, PageReads reads, ProfileStore profiles, MomentViews views, Cursors cursors,
                       Clock clock) {
        this.feeds = feeds;
        this.reads = reads;
        this.profiles = profiles;
        this.views = views;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** The caller's own feed: friends' moments and their own. */
    public Page<MomentView> feed(String viewerId, int limit, String cursor) {
        return feed(viewerId, limit, cursor, null, true);
    }

    /**
     * {@code GET /feed} with "post to see": when {@code lock} says the viewer has not posted since
     * today's prompt, the page is {@code locked} and its cards carry no image URLs.
     */
    public FeedPage feed(String viewerId, int limit, String cursor, FeedLock lock) {
        ViewerOnce viewer = new ViewerOnce(viewerId);
        boolean locked = lock.locked(viewerId, viewer);
        // the profile the lock read (if it read one) is the page's viewer: not read a second time
        Page<MomentView> page = feed(viewerId, limit, cursor, viewer.known, !locked);
        return new FeedPage(page.items(), page.nextCursor(), locked);
    }

    private Page<MomentView> feed(String viewerId, int limit, String cursor, Profile knownViewer, boolean withImages) {
        String scope = "feed:" + viewerId;
        return resolve(viewerId, scope, limit, cursors.decode(scope, cursor), knownViewer, withImages,
                (n, position) -> feeds.page(viewerId, n, position));
    }

    /** The viewer's profile, read on the first ask only; {@code known} once read (null: none, or not read). */
    private final class ViewerOnce implements Supplier<Profile> {

        private final String viewerId;
        private boolean read;
        private Profile known;

        ViewerOnce(String viewerId) {
            this.viewerId = viewerId;
        }

        @Override
        public Profile get() {
            if (!read) {
                known = profiles.find(viewerId).orElse(null);
                read = true;
            }
            return known;
        }
    }

    /** A campus's discovery feed; only its members may read it (403 for anyone else). */
    public Page<MomentView> campusFeed(String viewerId, String campusId, int limit, String cursor) {
        Profile viewer = profiles.find(viewerId).orElse(null);
        if (viewer == null || campusId == null || !campusId.equals(viewer.campusId())) {
            throw Problem.forbidden("only members of this campus can read its feed");
        }
        String scope = "campus:" + campusId + ":" + viewerId;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return resolve(viewerId, scope, limit, cursors.decode(scope, cursor), viewer, true,
                (n, position) -> feeds.campusPage(campusId, today, n, position));
    }

    private interface Slicer {
        FeedStore.Slice slice(int limit, Map<String, String> position);
    }

    private Page<MomentView> resolve(String viewerId, String scope, int limit, Map<String, String> position,
                                     Profile knownViewer, boolean withImages, Slicer slicer) {
        List<MomentView> items = new ArrayList<>();
        Map<String, String> next = null;
        for (int slice = 0; slice < MAX_SLICES && items.size() < limit; slice++) {
            FeedStore.Slice page = slicer.slice(limit - items.size(), position);
            List<FeedEntry> entries = page.entries();
            if (!entries.isEmpty()) {
                PageReads.Reads read = reads.read(viewerId, entries, knownViewer == null);
                Profile viewer = knownViewer != null ? knownViewer : read.profiles().get(viewerId);
                Predicate<Moment> visible = MomentVisibility.forPage(viewerId, viewer, read.standing(), read.profiles());
                for (FeedEntry entry : entries) {
                    Moment moment = read.moments().get(entry.momentId());
                    // The standing was read for the entry's author; a moment by anyone else is not shown.
                    if (moment != null && moment.authorId().equals(entry.authorId()) && moment.isPublished()
                            && visible.test(moment)) {
                        items.add(views.view(moment, read.profiles().get(moment.authorId()), withImages,
                                read.mine().get(moment.momentId())));
                    }
                }
            }
            position = page.next();
            next = position;
            if (position == null) {
                break;
            }
        }
        return new Page<>(items, cursors.encode(scope, next));
    }
}
