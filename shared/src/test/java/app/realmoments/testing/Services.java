package app.realmoments.testing;

import app.realmoments.activity.ActivityRules;
import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedService;
import app.realmoments.feed.FeedStore;
import app.realmoments.feed.PageReads;
import app.realmoments.id.Ids;
import app.realmoments.moment.MediaStore;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentStore;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.quota.Quotas;
import app.realmoments.social.BlockService;
import app.realmoments.social.FriendshipService;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The domain services as tests build them: over the ports a test hands in, with what the test does
 * not exercise left out (no feed cleanup, no late marks, no reactions read, reads one store at a time).
 */
public final class Services {

    private Services() {
    }

    /** Quotas that never refuse: for tests of everything but the quotas. */
    public static Quotas noQuotas() {
        Map<Quotas.Cap, Integer> caps = new EnumMap<>(Quotas.Cap.class);
        for (Quotas.Cap cap : Quotas.Cap.values()) {
            caps.put(cap, Integer.MAX_VALUE);
        }
        return new Quotas((userId, rate, start, end, limit) -> true, Map.of(), caps, Clock.systemUTC());
    }

    /** Moment cards without the viewer's own reactions. */
    public static MomentViews views(MediaStore media) {
        return new MomentViews(media, (userId, momentIds) -> Map.of());
    }

    /** Moments that are never late (no daily prompt). */
    public static MomentService moments(MomentStore moments, MediaStore media, ProfileStore profiles,
                                        MomentVisibility visibility, Ids ids, Clock clock) {
        return new MomentService(moments, media, profiles, visibility, views(media), (authorId, campusId, startedAt) -> null,
                ids, clock, noQuotas());
    }

    public static FeedService feed(FeedStore feeds, MomentStore moments, ProfileStore profiles,
                                   MomentVisibility visibility, MomentViews views, Cursors cursors) {
        return feed(feeds, moments, profiles, visibility, views, cursors, Clock.systemUTC());
    }

    /** Each slice's reads from the separate stores, one read each ({@link #separateReads}). */
    public static FeedService feed(FeedStore feeds, MomentStore moments, ProfileStore profiles,
                                   MomentVisibility visibility, MomentViews views, Cursors cursors, Clock clock) {
        return new FeedService(feeds, separateReads(moments, profiles, visibility, views), profiles, views, cursors,
                clock);
    }

    /** A slice's reads from the separate stores: moments, profiles, standing, then the reactions. */
    public static PageReads separateReads(MomentStore moments, ProfileStore profiles, MomentVisibility visibility,
                                          MomentViews views) {
        return (viewerId, entries, withViewerProfile) -> {
            Set<String> authors = PageReads.authorsOf(viewerId, entries);
            Map<String, Moment> found = moments.findAll(entries.stream().map(FeedEntry::momentId).toList());
            Set<String> people = new HashSet<>(authors);
            entries.forEach(e -> people.add(e.authorId()));
            if (withViewerProfile) {
                people.add(viewerId);
            }
            Map<String, Profile> cards = profiles.findAll(people);
            SocialGraph.Standing standing = visibility.standing(viewerId, authors,
                    entries.stream().map(FeedEntry::momentId).toList());
            Map<String, String> mine = views.mine(viewerId, List.copyOf(found.keySet()));
            return new PageReads.Reads(found, cards, standing, mine);
        };
    }

    /** Blocks (what a block does to feeds follows from the graph's changes: {@link ActivityRules}). */
    public static BlockService blocks(SocialGraphStore graph, ProfileStore profiles, Cursors cursors, Clock clock) {
        return new BlockService(graph, profiles, cursors, clock);
    }

    /** Friendships without quotas, and a day's wait before asking again someone who declined. */
    public static FriendshipService friendships(SocialGraphStore graph, ProfileStore profiles, Cursors cursors, Clock clock) {
        return new FriendshipService(graph, profiles, cursors, clock, noQuotas(), Duration.ofDays(1));
    }
}
