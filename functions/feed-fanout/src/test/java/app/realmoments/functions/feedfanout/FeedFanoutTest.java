package app.realmoments.functions.feedfanout;

import static app.realmoments.events.TestEvents.failures;
import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.events.MalformedEventException;
import app.realmoments.events.TestEvents;
import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.MomentFanout;
import app.realmoments.http.TestContext;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stream event's bytes in, as Lambda hands them to the handler; the batch response's JSON out. */
class FeedFanoutTest {

    private static final String AUTHOR = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String FRIEND = "01JHJ1C22G0NPARJS8VBV0PSAE";
    /** The moment of events/moment-published-stream.json and moment-removed-stream.json. */
    private static final String MOMENT = "01M8KK11T8Q32D8A1HM0318YS5";
    private static final String PUBLISHED = Events.read("moment-published-stream.json");
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final RecordingNotificationQueue notifications = new RecordingNotificationQueue();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryInteractionStore interactions = new InMemoryInteractionStore(moments);
    private final FeedFanout handler = new FeedFanout(new MomentFanout(feeds,
            new FakeSocialGraph().friends(AUTHOR, FRIEND), notifications, interactions));

    @Test
    void aPublishedRecordFillsTheAuthorsAndFriendsFeedsAndARemovedOneEmptiesThem() {
        String response = invoke(handler, PUBLISHED, new TestContext("r1"));

        assertEquals("{\"batchItemFailures\":[]}", response);
        assertEquals(List.of(AUTHOR, FRIEND), feeds.recipientsOf(MOMENT));
        assertEquals(1, notifications.sent.size());
        assertEquals(FRIEND, notifications.sent.getFirst().recipientId());

        for (String id : List.of(MOMENT, "another-moment")) {
            moments.moments.put(id, new Moment(id, AUTHOR, null, Audience.FRIENDS, "north", MomentStatus.PUBLISHED, null,
                    NOW, NOW, null, Map.of()));
            assertEquals(InteractionStore.Outcome.DONE, interactions.addComment(new Comment("c-" + id, id, FRIEND, "nice", NOW)));
        }
        interactions.react(new Reaction(MOMENT, FRIEND, "🔥", NOW), null);
        assertEquals(2, interactions.itemsOf(MOMENT));
        invoke(handler, Events.read("moment-removed-stream.json"), new TestContext("r2"));
        assertTrue(feeds.recipientsOf(MOMENT).isEmpty());
        assertEquals(0, interactions.itemsOf(MOMENT), "the deleted moment's comments went with it");
        assertEquals(1, interactions.itemsOf("another-moment"), "no other moment's");
    }

    @Test
    void aFailingRecordIsReportedByItsSequenceNumberAndNothingAfterItRuns() {
        Object record = TestEvents.records(PUBLISHED).getFirst();
        int[] attempts = {0};
        FeedFanout failing = new FeedFanout(new MomentFanout(new InMemoryFeedStore() {
            @Override
            public void putAll(List<FeedEntry> entries) {
                attempts[0]++;
                throw new IllegalStateException("throttled");
            }
        }, new FakeSocialGraph(), notifications, interactions));

        String response = invoke(failing, TestEvents.batch(List.of(record, record)), new TestContext("r3"));

        assertEquals(List.of("1873690501366859395592107"), failures(response));
        assertEquals(1, attempts[0], "the record after the failed one did not run");
    }

    @Test
    void recordsThatPublishNothingAreIgnoredAndOneWhoseImageIsNoMomentIsReported() {
        String event = """
                {"Records": [
                  {"eventName": "INSERT", "dynamodb": {"SequenceNumber": "1", "NewImage": {"momentId": {"S": "m1"},
                    "authorId": {"S": "%1$s"}, "status": {"S": "pending"}, "createdAt": {"S": "2026-11-29T12:03:41.512Z"}}}},
                  {"eventName": "MODIFY", "dynamodb": {"SequenceNumber": "2", "NewImage": {}}},
                  {"eventName": "MODIFY", "dynamodb": {"SequenceNumber": "3", "NewImage": {"momentId": {"S": "m1"},
                    "authorId": {"S": "%1$s"}, "status": {"S": "published"}, "createdAt": {"S": "yesterday"}}}}]}
                """.formatted(AUTHOR);
        assertEquals(List.of("3"), failures(invoke(handler, event, new TestContext("r4"))));
        assertTrue(feeds.recipientsOf("m1").isEmpty());
    }

    @Test
    void aMalformedEventFailsTheInvocationSoLambdaRetriesIt() {
        String noSequenceNumber = PUBLISHED.replace("\"SequenceNumber\"", "\"Sequence\"");
        assertThrows(MalformedEventException.class, () -> invoke(handler, noSequenceNumber, new TestContext("r5")));
        assertTrue(feeds.recipientsOf(MOMENT).isEmpty(), "no record ran");
    }
}
