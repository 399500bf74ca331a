package app.realmoments.functions.activityrelay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.activity.ActivityRules;
import app.realmoments.feed.FeedEntry;
import app.realmoments.http.TestContext;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tables' stream events as Lambda hands them over: each committed change followed up once. */
class ActivityRelayTest {

    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String PRIYA = "5c8e2f14-7b3a-4d96-a1e0-3f9b6c2d8e47";
    private static final String MOMENT = "01M8KK11T8Q32D8A1HM0318YS5";
    private static final Instant AT = Instant.parse("2026-11-29T12:03:41.512Z");

    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final ActivityRelay relay = new ActivityRelay(new ActivityRules(queue, feeds, moments));

    private String invoke(String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            relay.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new TestContext("r1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> jobs() {
        return queue.sent.stream().map(j -> j.type().wire() + " " + j.actorId() + ">" + j.recipientId()).toList();
    }

    @Test
    void aRequestNotifiesTheOneAskedAnAcceptanceTheOneWhoAskedAndAnEndedFriendshipCleansTheFeed() {
        feeds.putAll(List.of(new FeedEntry(JONAH, MOMENT, MAYA, AT), new FeedEntry(MAYA, MOMENT, MAYA, AT)));

        assertEquals("{\"batchItemFailures\":[]}", invoke(Events.read("activity-social-stream.json")));

        assertEquals(List.of("friend_request " + PRIYA + ">" + MAYA, "friend_accepted " + MAYA + ">" + PRIYA), jobs());
        assertTrue(feeds.recipientsOf(MOMENT).equals(List.of(MAYA)), "Maya's moment left Jonah's feed, not hers");
        NotificationJob accepted = queue.sent.get(1);
        assertEquals(NotificationJob.of(accepted.type(), PRIYA, MAYA, null, null, Instant.parse("2026-11-29T12:20:00Z")),
                accepted, "the id derives from the cause, so a redelivered record notifies once");
    }

    @Test
    void reactionsAndCommentsNotifyTheMomentsAuthorAndMarkersNothing() {
        moments.moments.put(MOMENT, new Moment(MOMENT, MAYA, null, Audience.FRIENDS, null, MomentStatus.PUBLISHED, null,
                AT, AT, null, Map.of()));

        invoke(Events.read("activity-interactions-stream.json"));

        assertEquals(List.of("reaction " + JONAH + ">" + MAYA, "reaction " + JONAH + ">" + MAYA, "comment " + JONAH + ">" + MAYA),
                jobs(), "the changed emoji is a reaction again; the idempotency marker is nothing");
        assertEquals(MOMENT, queue.sent.getFirst().momentId());
    }

    @Test
    void nothingFollowsForAMomentAlreadyGone() {
        invoke(Events.read("activity-interactions-stream.json"));
        assertTrue(queue.sent.isEmpty());
    }

    @Test
    void aRecordWhoseFollowUpFailsIsReportedAndNothingAfterItRuns() {
        RecordingNotificationQueue failing = new RecordingNotificationQueue() {
            @Override
            public void send(List<NotificationJob> jobs) {
                throw new IllegalStateException("SQS is throttling");
            }
        };
        ActivityRelay down = new ActivityRelay(new ActivityRules(failing, feeds, moments));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            down.handleRequest(new ByteArrayInputStream(Events.read("activity-social-stream.json").getBytes(StandardCharsets.UTF_8)),
                    out, new TestContext("r2"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"1873710000000000000000002\"}]}",
                out.toString(StandardCharsets.UTF_8), "the request's record, retried with everything after it");
    }
}
