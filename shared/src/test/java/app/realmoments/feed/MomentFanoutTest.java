package app.realmoments.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentFanoutTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String ID = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";

    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final RecordingNotificationQueue notifications = new RecordingNotificationQueue();

    @Test
    void aPublishedMomentReachesTheAuthorAndEveryFriendButBlockedOnes() {
        FakeSocialGraph graph = new FakeSocialGraph(2).friends("ana", "ben").friends("ana", "cai")
                .friends("ana", "dee").friends("ana", "eve").block("eve", "ana");
        int recipients = new MomentFanout(feeds, graph, notifications, momentId -> { }).published(moment());

        assertEquals(4, recipients);
        assertEquals(List.of("ana", "ben", "cai", "dee"), feeds.recipientsOf(ID));
        assertEquals(2, graph.friendPagesRead, "friends are read page by page");
        List<String> notified = new ArrayList<>(notifications.sent.stream().map(NotificationJob::recipientId).toList());
        notified.sort(null);
        assertEquals(List.of("ben", "cai", "dee"), notified, "friends hear of it, the author does not");
        assertTrue(notifications.sent.stream().allMatch(j -> j.type() == NotificationType.NEW_MOMENT));
    }

    @Test
    void onlyAMomentThatBecomesPublishedFansOutAndOnlyAPublishedOneThatGoesIsRemoved() {
        FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben");
        List<String> cleaned = new ArrayList<>();
        MomentFanout fanout = new MomentFanout(feeds, graph, notifications, cleaned::add);
        Moment pending = new Moment(ID, "ana", null, Audience.FRIENDS, null, MomentStatus.PENDING, null, NOW, null, null,
                Map.of());

        assertEquals(new MomentFanout.Outcome(MomentFanout.Change.IGNORED, 0), fanout.changed(null, pending));
        assertEquals(new MomentFanout.Outcome(MomentFanout.Change.FANNED_OUT, 2), fanout.changed(pending, moment()));
        assertEquals(MomentFanout.Change.IGNORED, fanout.changed(moment(), moment()).change(),
                "a published moment whose counts moved fans out nothing again");
        assertEquals(MomentFanout.Change.IGNORED, fanout.changed(pending, null).change(), "a pending one had no feeds");
        assertTrue(cleaned.isEmpty());

        assertEquals(MomentFanout.Change.REMOVED, fanout.changed(moment(), null).change());
        assertTrue(feeds.recipientsOf(ID).isEmpty(), "it left every feed");
        assertEquals(List.of(ID), cleaned, "others' reactions and comments went with it");
    }

    @Test
    void aRedeliveredRecordWritesTheSameEntriesAndTheSameJobIds() {
        FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben");
        MomentFanout fanout = new MomentFanout(feeds, graph, notifications, momentId -> { });
        fanout.published(moment());
        fanout.published(moment());

        assertEquals(2, feeds.entries.size());
        assertEquals(2, notifications.sent.size());
        assertEquals(notifications.sent.get(0).notificationId(), notifications.sent.get(1).notificationId(),
                "the dispatcher dedupes on this id");
    }

    @Test
    void aCampusMomentAlsoLandsInItsCampusFeedAndTheAuthorRidesInTheFirstBatch() {
        FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben");
        int[] batches = {0};
        InMemoryFeedStore counting = new InMemoryFeedStore() {
            @Override
            public void putAll(List<FeedEntry> batch) {
                batches[0]++;
                super.putAll(batch);
            }
        };
        Moment campus = new Moment(ID, "ana", null, Audience.CAMPUS, "north", MomentStatus.PUBLISHED, null, NOW, NOW, null, Map.of());
        assertEquals(2, new MomentFanout(counting, graph, notifications, momentId -> { }).published(campus));
        assertEquals(List.of("ana", "ben"), counting.recipientsOf(ID));
        assertEquals(1, batches[0], "author and friends in one putAll");
        assertEquals(List.of(ID), counting.campus.values().stream().map(FeedEntry::momentId).toList());
        assertEquals("north", counting.campus.values().iterator().next().recipientId());
    }

    @Test
    void anAuthorWithoutFriendsStillGetsTheirOwnEntry() {
        assertEquals(1, new MomentFanout(feeds, new FakeSocialGraph(), notifications, momentId -> { }).published(moment()));
        assertEquals(List.of("ana"), feeds.recipientsOf(ID));
        assertTrue(feeds.campus.isEmpty(), "a friends moment stays out of the campus feed");
    }

    @Test
    void aRemovedMomentLeavesEveryFeed() {
        FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben");
        MomentFanout fanout = new MomentFanout(feeds, graph, notifications, momentId -> { });
        fanout.published(moment());
        assertEquals(2, feeds.entries.size(), "the author's and the friend's entries");
        fanout.removed(ID);
        assertTrue(feeds.entries.isEmpty());
    }

    private static Moment moment() {
        return new Moment(ID, "ana", null, Audience.FRIENDS, "north", MomentStatus.PUBLISHED, null, NOW, NOW, null, Map.of());
    }
}
