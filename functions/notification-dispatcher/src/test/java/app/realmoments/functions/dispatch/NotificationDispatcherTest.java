package app.realmoments.functions.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.http.TestContext;
import app.realmoments.notify.NotificationDispatch;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryInbox;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final NotificationDispatcher handler = new NotificationDispatcher(
            new NotificationDispatch(inbox, new FakeSocialGraph()));

    @Test
    void everyJobBecomesOneInboxItemEvenWhenDeliveredTwice() {
        SQSEvent event = Events.load("notification-job-sqs.json", SQSEvent.class);
        assertTrue(handler.handleRequest(event, new TestContext("r1")).getBatchItemFailures().isEmpty());
        assertTrue(handler.handleRequest(event, new TestContext("r2")).getBatchItemFailures().isEmpty());
        assertEquals(event.getRecords().size(), inbox.items.size());
    }

    @Test
    void aPoisonMessageFailsAloneWhileTheRestOfItsBatchIsDelivered() {
        SQSEvent event = Events.load("notification-job-sqs.json", SQSEvent.class);
        List<SQSEvent.SQSMessage> records = new ArrayList<>(event.getRecords());
        SQSEvent.SQSMessage poison = new SQSEvent.SQSMessage();
        poison.setMessageId("poison-1");
        poison.setBody("{\"type\":\"no_such_type\"");
        SQSEvent.SQSMessage incomplete = new SQSEvent.SQSMessage();
        incomplete.setMessageId("poison-2");
        incomplete.setBody("{\"type\":\"new_moment\"}");
        records.add(1, poison);
        records.add(incomplete);
        event.setRecords(records);

        SQSBatchResponse response = handler.handleRequest(event, new TestContext("r3"));

        assertEquals(List.of("poison-1", "poison-2"),
                response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(records.size() - 2, inbox.items.size());
    }
}
