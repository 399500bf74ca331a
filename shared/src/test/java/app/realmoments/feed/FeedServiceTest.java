package app.realmoments.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.Services;
import app.realmoments.testing.Ulids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph().friends("ben", "ana").friends("ben", "cai");
    private final Cursors cursors = new Cursors("0123456789abcdef0123456789abcdef");
    private final FeedService service = Services.feed(feeds, moments, profiles, new MomentVisibility(graph, profiles),
            Services.views(new InMemoryMediaStore()), cursors);

    @Test
    void pagesComeNewestFirstAndSkipWhatIsGoneOrHiddenWithoutComingUpShort() {
        profiles.save(new Profile("ana", "ana_h", "Ana", "north", NOW, NOW, null), null);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String id = Ulids.next();
            String author = i % 2 == 0 ? "ana" : "cai";
            feeds.putAll(List.of(new FeedEntry("ben", id, author, NOW)));
            if (i % 4 == 1) {
                continue; // deleted moment: the entry outlived it
            }
            moments.create(new Moment(id, author, null, Audience.FRIENDS, "north", MomentStatus.PUBLISHED, null, NOW, NOW,
                    null, Map.of()), NOW);
            expected.add(0, id);
        }
        graph.block("cai", "ben"); // cai's moments are hidden from now on

        expected.removeIf(id -> moments.get(id).authorId().equals("cai"));
        Page<MomentView> first = service.feed("ben", 4, null);
        assertEquals(expected.subList(0, 4), first.items().stream().map(MomentView::momentId).toList());
        assertEquals("ana_h", first.items().getFirst().author().handle());
        assertNotNull(first.nextCursor());

        Page<MomentView> second = service.feed("ben", 4, first.nextCursor());
        assertEquals(expected.subList(4, 6), second.items().stream().map(MomentView::momentId).toList());
        assertNull(second.nextCursor());
    }

    @Test
    void theCampusFeedIsForMembersOnlyAndLeavesOutUsersBlockedEitherWay() {
        profiles.save(new Profile("ben", "ben_h", "Ben", "north", NOW, NOW, null), null);
        profiles.save(new Profile("dan", "dan_h", "Dan", "south", NOW, NOW, null), null);
        for (String member : List.of("eve", "fay", "gus")) {
            profiles.save(new Profile(member, member, member, "north", NOW, NOW, NOW), null);
        }
        FeedService campusFeeds = Services.feed(feeds, moments, profiles, new MomentVisibility(graph, profiles),
                Services.views(new InMemoryMediaStore()), cursors, java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        List<String> expected = new ArrayList<>();
        for (String author : List.of("eve", "fay", "gus", "fay", "eve")) {
            String id = Ulids.next();
            Moment moment = new Moment(id, author, null, Audience.CAMPUS, "north", MomentStatus.PUBLISHED, null, NOW, NOW,
                    null, Map.of());
            moments.create(moment, NOW);
            feeds.putCampus("north", new FeedEntry("north", id, author, NOW));
            if (!author.equals("gus") && !author.equals("eve")) {
                expected.add(0, id);
            }
        }
        graph.block("gus", "ben").block("ben", "eve");

        Page<MomentView> page = campusFeeds.campusFeed("ben", "north", 20, null);
        assertEquals(expected, page.items().stream().map(MomentView::momentId).toList());
        assertEquals(403, assertThrows(Problem.class, () -> campusFeeds.campusFeed("dan", "north", 20, null)).kind().status);
        assertEquals(403, assertThrows(Problem.class, () -> campusFeeds.campusFeed("nobody", "north", 20, null)).kind().status);
        String foreign = cursors.encode("feed:ben", Map.of("after", Ulids.next()));
        assertEquals(400, assertThrows(Problem.class, () -> campusFeeds.campusFeed("ben", "north", 20, foreign)).kind().status);

        profiles.save(new Profile("fay", "fay", "fay", null, NOW, NOW, null), null);
        assertEquals(List.of(), campusFeeds.campusFeed("ben", "north", 20, null).items().stream()
                .map(MomentView::momentId).toList(), "fay left north: her campus moments leave its feed at once");
    }

    @Test
    void anotherUsersCursorIsRefused() {
        String cursor = cursors.encode("feed:ana", Map.of("after", Ulids.next()));
        assertEquals(400, assertThrows(Problem.class, () -> service.feed("ben", 20, cursor)).kind().status);
    }
}
