package app.realmoments.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.feed.FeedEntry;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a committed change leads to, and what it never does. */
class ActivityRulesTest {

    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final ActivityRules rules = new ActivityRules(queue, feeds, moments);

    @Test
    void aFriendshipNotifiesOnlyTheOneWhoseRequestWasAcceptedAndAnOldOneNobody() {
        assertEquals("ignored", rules.followUp(new Change.Befriended("ben", "ana", "ben", AT)), "the acceptor's own side");
        assertEquals("friend_accepted", rules.followUp(new Change.Befriended("ana", "ben", "ben", AT)));
        assertEquals("ignored", rules.followUp(new Change.Befriended("cai", "dee", null, AT)), "made before acceptedBy was kept");
        assertEquals(1, queue.sent.size());
        assertEquals(NotificationType.FRIEND_ACCEPTED, queue.sent.getFirst().type());
        assertEquals("ana", queue.sent.getFirst().recipientId());
        assertEquals("ben", queue.sent.getFirst().actorId());
    }

    @Test
    void aReactionToOnesOwnMomentNotifiesNobody() {
        moments.moments.put("m1", new Moment("m1", "ana", null, Audience.FRIENDS, null, MomentStatus.PUBLISHED, null, AT, AT,
                null, Map.of()));
        assertEquals("ignored", rules.followUp(new Change.Reacted("m1", "ana", "🔥", AT)));
        assertEquals("ignored", rules.followUp(new Change.Commented("m1", "c1", "ana", AT)));
        assertEquals("reaction", rules.followUp(new Change.Reacted("m1", "ben", "🔥", AT)));
        assertEquals(List.of("ana"), queue.sent.stream().map(j -> j.recipientId()).toList());
    }

    @Test
    void partingTakesOnlyTheFormerFriendsMomentsOutOfOnlyThatFeed() {
        feeds.putAll(List.of(new FeedEntry("ana", "m1", "ben", AT), new FeedEntry("ana", "m2", "cai", AT),
                new FeedEntry("ben", "m3", "ana", AT)));
        assertEquals("feed_cleaned", rules.followUp(new Change.Parted("ana", "ben")));
        assertTrue(feeds.recipientsOf("m1").isEmpty());
        assertEquals(List.of("ana"), feeds.recipientsOf("m2"));
        assertEquals(List.of("ben"), feeds.recipientsOf("m3"), "the other side is its own record");
        assertTrue(queue.sent.isEmpty());
    }
}
