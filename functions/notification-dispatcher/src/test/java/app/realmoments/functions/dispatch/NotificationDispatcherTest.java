package app.realmoments.functions.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.id.Ids;
import app.realmoments.http.TestContext;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.NotificationDispatch;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.Recipients;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryNotificationSettingsStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryPushGrouping;
import app.realmoments.testing.RecordingPushGateway;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationDispatcherTest {

    /** Jonah and Maya, the recipients of events/notification-job-sqs.json. */
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM, PushPlatform.APNS);
    private final NotificationDispatcher handler = new NotificationDispatcher(new NotificationDispatch(inbox,
            Recipients.of(new FakeSocialGraph(), new InMemoryProfileStore(), new InMemoryNotificationSettingsStore()),
            devices, push, new InMemoryPushGrouping(), CampusTimeZones.parse("", "America/New_York"), Clock.systemUTC()));

    @Test
    void everyJobBecomesOneInboxItemAndOnePushEvenWhenDeliveredTwice() {
        DeviceService phones = new DeviceService(devices, push, new Ids(), Clock.systemUTC());
        phones.register(JONAH, new DeviceService.Registration("fcm", "jonah-phone"));
        phones.register(MAYA, new DeviceService.Registration("apns", "maya-phone"));
        SQSEvent event = Events.load("notification-job-sqs.json", SQSEvent.class);
        assertTrue(handler.handleRequest(event, new TestContext("r1")).getBatchItemFailures().isEmpty());
        assertTrue(handler.handleRequest(event, new TestContext("r2")).getBatchItemFailures().isEmpty());
        assertEquals(event.getRecords().size(), inbox.items.size());
        assertEquals(event.getRecords().size(), push.pushes.size());
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
