package app.realmoments.functions.notificationdispatcher;

import static app.realmoments.events.TestEvents.failures;
import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.events.TestEvents;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.json.Json;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.NotificationDelivery;
import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.QuietHours;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.notify.dynamo.DynamoInbox;
import app.realmoments.notify.dynamo.DynamoNotificationSettingsStore;
import app.realmoments.notify.dynamo.DynamoPushGrouping;
import app.realmoments.notify.dynamo.DynamoRecipients;
import app.realmoments.notify.sns.SnsPushGateway;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Services;
import app.realmoments.testing.Ulids;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The dispatcher against the emulator: DynamoDB, SQS and SNS mobile push (moto's platform endpoints). */
class NotificationDispatcherIT {

    private static final LocalAws AWS = LocalAws.shared();
    /** 12:00 in New York: outside anyone's quiet hours below unless a test says otherwise. */
    private static final Instant NOON = Instant.parse("2026-11-30T17:00:00Z");

    private final AwsCallCounter calls = new AwsCallCounter();
    private final DynamoDbClient dynamo = Instrumented.client(AWS.clients(), DynamoDbClient.builder(), calls);
    private final SnsClient sns = Instrumented.client(AWS.clients(), SnsClient.builder(), calls);
    private final String users = AWS.table("UsersTable");
    private final String notifications = AWS.table("NotificationsTable");
    private final String fcmApp = sns.createPlatformApplication(r -> r.name("real-moments-fcm-" + UUID.randomUUID())
            .platform("GCM").attributes(Map.of("PlatformCredential", "test-server-key"))).platformApplicationArn();
    private final SnsPushGateway push = new SnsPushGateway(sns, Map.of(PushPlatform.FCM, fcmApp));
    private final DynamoDeviceStore devices = new DynamoDeviceStore(dynamo, users);
    private final DeviceService phones = new DeviceService(devices, push, new Ids(), Clock.systemUTC(), Services.noQuotas());
    private final DynamoInbox inbox = new DynamoInbox(dynamo, notifications);
    private final NotificationDispatcher handler = new NotificationDispatcher(new NotificationDelivery(inbox,
            new DynamoRecipients(dynamo, users), devices, push, new DynamoPushGrouping(dynamo, notifications),
            InMemoryCampusRegistry.zones("", "America/New_York"), Clock.fixed(NOON, ZoneOffset.UTC)));

    private String student(String name) {
        String id = UUID.randomUUID().toString();
        new DynamoProfileStore(AWS.dynamo(), users).save(new Profile(id, name + id.substring(0, 8), name,
                "north-campus", NOON, NOON, null), null);
        phones.register(id, new DeviceService.Registration("fcm", "token-" + id));
        return id;
    }

    /** The jobs as one SQS batch through the handler's stream path; the ids of the messages that failed. */
    private List<String> handle(NotificationJob... jobs) {
        return deliver(java.util.Arrays.stream(jobs)
                .map(job -> TestEvents.sqsRecord(UUID.randomUUID().toString(), Json.write(job))).toList());
    }

    private List<String> deliver(List<?> records) {
        return failures(invoke(handler, TestEvents.batch(records), new TestContext("it")));
    }

    @Test
    void aJobDeliveredTwiceIsOneInboxItemAndOnePushWithExactCallCounts() {
        String ana = student("Ana");
        String ben = student("Ben");
        NotificationJob job = NotificationJob.of(NotificationType.COMMENT, ben, ana, Ulids.next(), null, NOON);
        calls.reset();
        assertTrue(handle(job).isEmpty());
        // one BatchGetItem (blocks, profiles, settings and the device list), the inbox PutItem, the comment
        // push window's UpdateItem (comments on one moment make one push), one Publish
        assertEquals(Map.of("DynamoDb.BatchGetItem", 1L, "DynamoDb.PutItem", 1L, "DynamoDb.UpdateItem", 1L,
                "Sns.Publish", 1L), calls.snapshot());
        calls.reset();
        assertTrue(handle(job).isEmpty());
        assertEquals(Map.of("DynamoDb.BatchGetItem", 1L, "DynamoDb.PutItem", 1L), calls.snapshot(), "no second push");
        assertEquals(1, inbox.page(ben, 10, null).items().size());
    }

    @Test
    void aPoisonMessageFailsAloneWhileTheRestOfItsBatchSucceeds() {
        String ana = student("Ana");
        String ben = student("Ben");
        SqsClient sqs = AWS.sqs();
        String queue = AWS.queueUrl("NotificationsQueue");
        new SqsNotificationQueue(sqs, queue).send(List.of(
                NotificationJob.of(NotificationType.FRIEND_REQUEST, ben, ana, null, null, NOON),
                NotificationJob.of(NotificationType.FRIEND_ACCEPTED, ana, ben, null, null, NOON)));
        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"type\":\"new_moment\",\"recipientId\":\"" + ben + "\"}"));
        List<Message> received = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < 3) {
            if (System.nanoTime() > deadline) {
                fail("3 messages not received within 20 s; received: "
                        + received.stream().map(Message::body).toList());
            }
            received.addAll(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages());
        }
        List<String> failed = deliver(received.stream().map(m -> TestEvents.sqsRecord(m.messageId(), m.body())).toList());
        String poison = received.stream().filter(m -> !m.body().contains("notificationId")).findFirst().orElseThrow().messageId();
        assertEquals(List.of(poison), failed);
        assertEquals(1, inbox.page(ben, 10, null).items().size());
        assertEquals(1, inbox.page(ana, 10, null).items().size());
        received.stream().filter(m -> !m.messageId().equals(poison))
                .forEach(m -> sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(m.receiptHandle())));
    }

    @Test
    void aDeviceWhoseEndpointSnsDisabledIsRemovedWithItsEndpoint() {
        String ana = student("Ana");
        String ben = student("Ben");
        String endpoint = devices.devicesOf(ben).getFirst().endpointArn();
        sns.setEndpointAttributes(r -> r.endpointArn(endpoint).attributes(Map.of("Enabled", "false")));
        calls.reset();
        assertTrue(handle(NotificationJob.of(NotificationType.COMMENT, ben, ana, Ulids.next(), null, NOON))
                .isEmpty());
        assertEquals(1, calls.count("Sns.DeleteEndpoint"));
        assertTrue(devices.devicesOf(ben).isEmpty());
        assertEquals(1, inbox.page(ben, 10, null).items().size(), "the inbox still has it");
        assertFalse(sns.listEndpointsByPlatformApplication(r -> r.platformApplicationArn(fcmApp)).endpoints().stream()
                .anyMatch(e -> e.endpointArn().equals(endpoint)));
    }

    @Test
    void mutedTypesAndQuietHoursHold() {
        String ana = student("Ana");
        String ben = student("Ben");
        String cal = student("Cal");
        new DynamoNotificationSettingsStore(dynamo, users).save(ben, new NotificationSettings(Set.of(NotificationType.COMMENT), null));
        // 12:00 in New York (the default zone) is inside Cal's quiet hours
        new DynamoNotificationSettingsStore(dynamo, users).save(cal, new NotificationSettings(Set.of(),
                new QuietHours(LocalTime.of(11, 0), LocalTime.of(13, 0))));
        calls.reset();
        assertTrue(handle(NotificationJob.of(NotificationType.COMMENT, ben, ana, Ulids.next(), null, NOON),
                NotificationJob.of(NotificationType.COMMENT, cal, ana, Ulids.next(), null, NOON)).isEmpty());
        assertEquals(0, calls.count("Sns.Publish"));
        assertEquals(0, inbox.page(ben, 10, null).items().size(), "muted: not even in the inbox");
        assertEquals(1, inbox.page(cal, 10, null).items().size(), "quiet: in the inbox, not pushed");
    }

    @Test
    void blockedUsersNeverNotifyEachOther() {
        String ana = student("Ana");
        String ben = student("Ben");
        new DynamoSocialGraph(AWS.dynamo(), users).block(ben, ana, NOON);
        calls.reset();
        assertTrue(handle(NotificationJob.of(NotificationType.COMMENT, ben, ana, Ulids.next(), null, NOON),
                NotificationJob.of(NotificationType.REACTION, ana, ben, Ulids.next(), null, NOON)).isEmpty());
        assertEquals(0, calls.count("Sns.Publish"));
        assertEquals(0, calls.count("DynamoDb.PutItem"));
        assertTrue(inbox.page(ben, 10, null).items().isEmpty());
        assertTrue(inbox.page(ana, 10, null).items().isEmpty());
    }

    @Test
    void reactionsToOneMomentWithinTheWindowPushOnce() {
        String ben = student("Ben");
        String moment = Ulids.next();
        List<NotificationJob> jobs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            jobs.add(NotificationJob.of(NotificationType.REACTION, ben, student("Fan" + i), moment, null, NOON.plusSeconds(i)));
        }
        calls.reset();
        assertTrue(handle(jobs.toArray(NotificationJob[]::new)).isEmpty());
        assertEquals(1, calls.count("Sns.Publish"));
        assertEquals(4, inbox.page(ben, 10, null).items().size());
    }
}
