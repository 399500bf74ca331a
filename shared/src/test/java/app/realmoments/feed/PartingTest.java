package app.realmoments.feed;

import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.activity.ActivityRules;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.social.BlockService;
import app.realmoments.social.FriendshipService;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import app.realmoments.testing.Ulids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Unfriending and blocking take each one's moments out of the other's feed, and nothing else. */
class PartingTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben").friends("ana", "cai")
            .friends("ben", "cai");
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final Cursors cursors = new Cursors("0123456789abcdef0123456789abcdef");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final FriendshipService friendships = Services.friendships(graph, profiles, cursors, clock);
    private final BlockService blocks = Services.blocks(graph, profiles, cursors, clock);

    {
        // the cleanup follows the graph's changes, as the users table's stream relay does it
        graph.onChange = new ActivityRules(new RecordingNotificationQueue(), feeds, new InMemoryMomentStore())::followUp;
    }

    @BeforeEach
    void everyoneSawEveryonesMoments() {
        for (String user : List.of("ana", "ben", "cai")) {
            profiles.save(new Profile(user, user, user, "north", NOW, NOW, null), null);
            String moment = Ulids.next();
            for (String reader : List.of("ana", "ben", "cai")) {
                feeds.putAll(List.of(new FeedEntry(reader, moment, user, NOW)));
            }
        }
    }

    @Test
    void unfriendingRemovesBothDirectionsOnly() {
        friendships.unfriend("ana", "ben");
        assertEquals(List.of("ana", "cai"), authorsIn("ana"));
        assertEquals(List.of("ben", "cai"), authorsIn("ben"));
        assertEquals(List.of("ana", "ben", "cai"), authorsIn("cai"));
    }

    @Test
    void blockingRemovesBothDirectionsToo() {
        blocks.block("cai", "ana");
        assertEquals(List.of("ana", "ben"), authorsIn("ana"));
        assertEquals(List.of("ben", "cai"), authorsIn("cai"));
        assertEquals(List.of("ana", "ben", "cai"), authorsIn("ben"));
    }

    private List<String> authorsIn(String reader) {
        return feeds.entries.values().stream().filter(e -> e.recipientId().equals(reader)).map(FeedEntry::authorId)
                .sorted().toList();
    }
}
