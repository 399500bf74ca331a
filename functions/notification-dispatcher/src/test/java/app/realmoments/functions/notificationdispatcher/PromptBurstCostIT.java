package app.realmoments.functions.notificationdispatcher;

import static app.realmoments.events.TestEvents.failures;
import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.BatchWrites;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.events.TestEvents;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.notify.NotificationDelivery;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.notify.dynamo.DynamoInbox;
import app.realmoments.notify.dynamo.DynamoPushGrouping;
import app.realmoments.notify.dynamo.DynamoRecipients;
import app.realmoments.notify.sns.SnsPushGateway;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.prompt.Prompt;
import app.realmoments.prompt.PromptPlanner;
import app.realmoments.prompt.PromptWindow;
import app.realmoments.prompt.dynamo.DynamoPromptStore;
import app.realmoments.retry.Backoff;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The daily prompt of a campus of 150 from the schedule's run to every member's push, against the emulator, with every AWS
 * call counted: the calls per notified member, exactly (docs/capacity.md builds its model on them). Before
 * this design a member cost 1 BatchGetItem, 1 PutItem, 1 Query and 1 Publish, plus a tenth of a
 * SendMessageBatch; now the campus is read a page at a time and sent as jobs of 100 members, and each job
 * costs 2 BatchGetItems (settings and device list of 50 members each) and 1 TransactWriteItems (100
 * conditional inbox Puts), so a member costs 0.03 DynamoDB calls and 1 Publish per device.
 */
class PromptBurstCostIT {

    private static final LocalAws AWS = LocalAws.shared();
    /** A day no other test plans a prompt on, so the due lists hold only this test's. */
    private static final Instant PROMPT_AT = Instant.parse("2031-03-12T17:00:00Z");
    private static final int MEMBERS = 150;

    private final AwsCallCounter calls = new AwsCallCounter();
    private final DynamoDbClient dynamo = Instrumented.client(AWS.clients(), DynamoDbClient.builder(), calls);
    private final SnsClient sns = Instrumented.client(AWS.clients(), SnsClient.builder(), calls);
    private final SqsClient sqs = Instrumented.client(AWS.clients(), SqsClient.builder(), calls);
    private final String users = AWS.table("UsersTable");
    private final String notifications = AWS.table("NotificationsTable");

    @Test
    void aCampusOf150IsNotifiedWithExactCallCountsAndItsRedeliveryWritesAndPushesNothing() throws Exception {
        String campus = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        String fcm = sns.createPlatformApplication(r -> r.name("burst-fcm-" + UUID.randomUUID()).platform("GCM")
                .attributes(Map.of("PlatformCredential", "test-server-key"))).platformApplicationArn();
        SnsPushGateway push = new SnsPushGateway(sns, Map.of(PushPlatform.FCM, fcm));
        DynamoDeviceStore devices = new DynamoDeviceStore(dynamo, users);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(UUID.randomUUID().toString());
        }
        // the items joining the campus and registering a phone leave (docs/data-model.md), written in bulk:
        // the emulator takes about 80 ms a call, and the stores' own paths would cost minutes here
        List<WriteRequest> items = new ArrayList<>();
        try (var setUp = Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<WriteRequest>> endpoints = new ArrayList<>();
            for (String id : members) {
                items.add(put(Map.of("pk", s("CAMPUS#" + campus), "sk", s("MEMBER#" + id), "userId", s(id),
                        "joinedAt", s(PROMPT_AT.toString()))));
                endpoints.add(setUp.submit(() -> {
                    String endpoint = push.createEndpoint(PushPlatform.FCM, "token-" + id);
                    String device = new Ids().next(PROMPT_AT);
                    return put(Map.of("pk", s("USER#" + id), "sk", s("PUSH_DEVICES"), "complete", AttributeValue.fromBool(true),
                            "d_" + device, AttributeValue.fromM(Map.of("platform", s("fcm"), "tokenHash", s("hash-" + id),
                                    "endpointArn", s(endpoint), "createdAt", s(PROMPT_AT.toString())))));
                }));
            }
            for (var endpoint : endpoints) {
                items.add(endpoint.get());
            }
        }
        new BatchWrites(AWS.dynamo(), Backoff.STANDARD).apply(users, items, "burst members");
        members.sort(null);
        DynamoPromptStore prompts = new DynamoPromptStore(dynamo, users);
        Prompt prompt = new Prompt(campus, LocalDate.of(2031, 3, 12), PROMPT_AT);
        assertTrue(prompts.plan(prompt));
        String queue = sqs.createQueue(r -> r.queueName("burst-" + UUID.randomUUID())).queueUrl();

        // the schedule's run, a second after the prompt's time (so its jobs are not delayed)
        calls.reset();
        PromptPlanner planner = new PromptPlanner(prompts, new SqsNotificationQueue(sqs, queue),
                InMemoryCampusRegistry.withZones(campus + "=America/New_York"), PromptWindow.parse("09:00", "21:00"), new Random(1),
                Clock.fixed(PROMPT_AT.plusSeconds(1), ZoneOffset.UTC));
        assertEquals(MEMBERS, planner.fire());
        // due lists of two UTC days, the claim, one page of members, 2 jobs in one SendMessageBatch, the fired mark
        assertEquals(Map.of("DynamoDb.Query", 3L, "DynamoDb.UpdateItem", 2L, "Sqs.SendMessageBatch", 1L),
                calls.snapshot());

        List<Message> jobs = new ArrayList<>();
        while (jobs.size() < 2) {
            jobs.addAll(AWS.sqs().receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages());
        }
        assertEquals(2, jobs.size(), "ceil(150 / 100) jobs");
        String event = TestEvents.batch(jobs.stream().map(m -> TestEvents.sqsRecord(m.messageId(), m.body())).toList());
        DynamoInbox inbox = new DynamoInbox(dynamo, notifications);
        NotificationDispatcher dispatcher = new NotificationDispatcher(new NotificationDelivery(inbox,
                new DynamoRecipients(dynamo, users), devices, push, new DynamoPushGrouping(dynamo, notifications),
                InMemoryCampusRegistry.zones("", "America/New_York"), Clock.fixed(PROMPT_AT.plusSeconds(2), ZoneOffset.UTC)));

        calls.reset();
        assertTrue(failures(invoke(dispatcher, event, new TestContext("burst"))).isEmpty());
        // 2 keys a member (settings, device list): 300 keys in 3 BatchGetItems; 150 inbox items in
        // transactions of 100; one Publish per member's device; no Query, no PutItem
        assertEquals(Map.of("DynamoDb.BatchGetItem", 3L, "DynamoDb.TransactWriteItems", 2L, "Sns.Publish", 150L),
                calls.snapshot());
        for (String member : List.of(members.getFirst(), members.get(137), members.getLast())) {
            assertEquals(PROMPT_AT.plusSeconds(2), inbox.notifiedAt(member, prompt.notificationIdFor(member)).orElseThrow(),
                    "each member's window starts at their own notification");
        }

        calls.reset();
        assertTrue(failures(invoke(dispatcher, event, new TestContext("again"))).isEmpty());
        assertEquals(Map.of("DynamoDb.BatchGetItem", 3L, "DynamoDb.TransactWriteItems", 2L), calls.snapshot(),
                "redelivered: each transaction is cancelled by its conditions, nothing is pushed again");
        assertEquals(PROMPT_AT.plusSeconds(2), inbox.notifiedAt(members.get(42), prompt.notificationIdFor(members.get(42)))
                .orElseThrow(), "the redelivery did not move anyone's window");
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
