package app.realmoments.functions.notificationdispatcher;

import static app.realmoments.events.TestEvents.failures;
import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.events.MalformedEventException;
import app.realmoments.events.TestEvents;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.json.Json;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.NotificationDelivery;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.Recipients;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryNotificationSettingsStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryPushGrouping;
import app.realmoments.testing.PortRecipients;
import app.realmoments.testing.RecordingPushGateway;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.Context;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQS event's bytes in, as Lambda hands them to the handler; the batch response's JSON out. */
class NotificationDispatcherTest {

    /** Jonah and Maya, the recipients of events/notification-job-sqs.json. */
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String JOBS = Events.read("notification-job-sqs.json");

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM, PushPlatform.APNS);
    private final NotificationDispatcher handler = new NotificationDispatcher(new NotificationDelivery(inbox,
            PortRecipients.of(new FakeSocialGraph(), new InMemoryProfileStore(), new InMemoryNotificationSettingsStore()),
            devices, push, new InMemoryPushGrouping(), InMemoryCampusRegistry.zones("", "America/New_York"), Clock.systemUTC()));

    @Test
    void everyJobBecomesOneInboxItemAndOnePushEvenWhenDeliveredTwice() {
        DeviceService phones = new DeviceService(devices, push, new Ids(), Clock.systemUTC(), Services.noQuotas());
        phones.register(JONAH, new DeviceService.Registration("fcm", "jonah-phone"));
        phones.register(MAYA, new DeviceService.Registration("apns", "maya-phone"));
        assertEquals("{\"batchItemFailures\":[]}", invoke(handler, JOBS, new TestContext("r1")));
        assertEquals("{\"batchItemFailures\":[]}", invoke(handler, JOBS, new TestContext("r2")));
        assertEquals(2, inbox.items.size());
        assertEquals(2, push.pushes.size());
    }

    @Test
    void aPoisonMessageFailsAloneWhileTheRestOfItsBatchIsDelivered() {
        List<Object> records = TestEvents.records(JOBS);
        records.add(1, TestEvents.sqsRecord("poison-1", "{\"type\":\"no_such_type\""));
        records.add(TestEvents.sqsRecord("poison-2", "{\"type\":\"new_moment\"}"));
        records.add(TestEvents.sqsRecord("poison-3", null));

        String response = invoke(handler, TestEvents.batch(records), new TestContext("r3"));

        assertEquals(List.of("poison-1", "poison-2", "poison-3"), failures(response));
        assertEquals(2, inbox.items.size());
    }

    @Test
    void aMessageWithoutAnIdFailsTheWholeInvocationSoLambdaRetriesTheBatch() {
        List<Object> records = TestEvents.records(JOBS);
        records.add(TestEvents.sqsRecord(null, "{}"));
        assertThrows(MalformedEventException.class, () -> invoke(handler, TestEvents.batch(records), new TestContext("r4")));
        assertTrue(inbox.items.isEmpty(), "no job ran");
    }

    @Test
    void aJobForManyThatMightNotFinishBeforeTheTimeoutIsHandedBackUnwritten() {
        NotificationJob prompt = NotificationJob.forMany(NotificationType.PROMPT, List.of(JONAH, MAYA), null, null,
                "north", java.time.Instant.parse("2026-11-29T17:30:00Z"));
        String event = TestEvents.batch(List.of(TestEvents.sqsRecord("late", Json.write(prompt))));
        TestContext almostOver = new TestContext("r5");
        Context ending = (Context) java.lang.reflect.Proxy.newProxyInstance(Context.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) -> method.getName().equals("getRemainingTimeInMillis")
                        ? 4_000 : method.invoke(almostOver, args));
        assertEquals(List.of("late"), failures(invoke(handler, event, ending)));
        assertTrue(inbox.items.isEmpty(), "nothing written, so its redelivery pushes to everyone");
        assertEquals(List.of(), failures(invoke(handler, event, new TestContext("r6"))));
        assertEquals(2, inbox.items.size());
    }

    @Test
    void aPromptJobForManyReachesEachMemberOnceFromTheRealEvent() {
        String event = Events.read("prompt-job-sqs.json");
        assertEquals("{\"batchItemFailures\":[]}", invoke(handler, event, new TestContext("r7")));
        assertEquals("{\"batchItemFailures\":[]}", invoke(handler, event, new TestContext("r8")));
        assertEquals(List.of(JONAH), inbox.of(JONAH).stream().map(i -> i.recipientId()).toList());
        assertEquals(3, inbox.items.size(), "Maya, Jonah and Priya, once each");
    }
}
