package app.realmoments.functions.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.MomentFanout;
import app.realmoments.http.TestContext;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.RecordingNotificationQueue;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedFanoutTest {

    private static final String AUTHOR = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String FRIEND = "01JHJ1C22G0NPARJS8VBV0PSAE";

    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final RecordingNotificationQueue notifications = new RecordingNotificationQueue();
    private final FeedFanout handler = new FeedFanout(new MomentFanout(feeds,
            new FakeSocialGraph().friends(AUTHOR, FRIEND), notifications));

    @Test
    void aPublishedRecordFillsTheAuthorsAndFriendsFeedsAndARemovedOneEmptiesThem() {
        DynamodbEvent published = Events.load("moment-published-stream.json", DynamodbEvent.class);
        String momentId = published.getRecords().getFirst().getDynamodb().getNewImage().get("momentId").getS();

        StreamsEventResponse response = handler.handleRequest(published, new TestContext("r1"));

        assertTrue(response.getBatchItemFailures().isEmpty());
        assertEquals(List.of(AUTHOR, FRIEND), feeds.recipientsOf(momentId));
        assertEquals(1, notifications.sent.size());
        assertEquals(FRIEND, notifications.sent.getFirst().recipientId());

        handler.handleRequest(Events.load("moment-removed-stream.json", DynamodbEvent.class), new TestContext("r2"));
        assertTrue(feeds.recipientsOf(momentId).isEmpty());
    }

    @Test
    void aFailingRecordIsReportedByItsSequenceNumberAndNothingAfterItRuns() {
        DynamodbEvent published = Events.load("moment-published-stream.json", DynamodbEvent.class);
        DynamodbEvent.DynamodbStreamRecord record = published.getRecords().getFirst();
        FeedFanout failing = new FeedFanout(new MomentFanout(new InMemoryFeedStore() {
            @Override
            public void putAll(List<FeedEntry> entries) {
                throw new IllegalStateException("throttled");
            }
        }, new FakeSocialGraph(), notifications));
        published.setRecords(List.of(record, record));

        StreamsEventResponse response = failing.handleRequest(published, new TestContext("r3"));

        assertEquals(1, response.getBatchItemFailures().size());
        assertEquals(record.getDynamodb().getSequenceNumber(), response.getBatchItemFailures().getFirst().getItemIdentifier());
    }
}
