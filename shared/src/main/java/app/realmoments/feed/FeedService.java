package app.realmoments.feed;

import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStore;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /feed}: the caller's feed entries, newest first, resolved to moments in one batch read
 * per slice. Entries whose moment is gone or no longer visible are skipped, and the page is filled
 * from the next slice when more exist.
 */
public final class FeedService {

    /** Slices read at most per page, so a feed of deleted moments cannot keep one request busy. */
    static final int MAX_SLICES = 5;

    private final FeedStore feeds;
    private final MomentStore moments;
    private final ProfileStore profiles;
    private final MomentVisibility visibility;
    private final MomentViews views;
    private final Cursors cursors;

    public FeedService(FeedStore feeds, MomentStore moments, ProfileStore profiles, MomentVisibility visibility,
                       MomentViews views, Cursors cursors) {
        this.feeds = feeds;
        this.moments = moments;
        this.profiles = profiles;
        this.visibility = visibility;
        this.views = views;
        this.cursors = cursors;
    }

    public Page<MomentView> feed(String viewerId, int limit, String cursor) {
        String scope = "feed:" + viewerId;
        Map<String, String> position = cursors.decode(scope, cursor);
        Profile viewer = profiles.find(viewerId).orElse(null);
        List<Moment> shown = new ArrayList<>();
        Map<String, Boolean> authorVisible = new HashMap<>();
        Map<String, String> next = null;
        for (int slice = 0; slice < MAX_SLICES && shown.size() < limit; slice++) {
            FeedStore.Slice page = feeds.page(viewerId, limit - shown.size(), position);
            Map<String, Moment> found = moments.findAll(page.entries().stream().map(FeedEntry::momentId).toList());
            for (FeedEntry entry : page.entries()) {
                Moment moment = found.get(entry.momentId());
                if (moment != null && moment.isPublished() && authorVisible.computeIfAbsent(moment.authorId() + "|"
                        + moment.audience() + "|" + moment.campusId(), k -> visibility.canSee(viewerId, viewer, moment))) {
                    shown.add(moment);
                }
                next = Map.of("after", entry.momentId());
            }
            position = page.next();
            if (position == null) {
                next = null;
                break;
            }
        }
        Map<String, Profile> authors = profiles.findAll(shown.stream().map(Moment::authorId).toList());
        List<MomentView> items = shown.stream().map(m -> views.view(m, authors.get(m.authorId()), true)).toList();
        return new Page<>(items, cursors.encode(scope, next));
    }
}
