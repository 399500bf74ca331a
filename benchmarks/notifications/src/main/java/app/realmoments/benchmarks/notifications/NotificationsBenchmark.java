package app.realmoments.benchmarks.notifications;

import app.realmoments.aws.AwsClients;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.functions.notificationdispatcher.NotificationDispatcher;
import app.realmoments.id.Ids;
import app.realmoments.json.Json;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.NotificationDelivery;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.notify.dynamo.DynamoInbox;
import app.realmoments.notify.dynamo.DynamoPushGrouping;
import app.realmoments.notify.dynamo.DynamoRecipients;
import app.realmoments.notify.sns.SnsPushGateway;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Services;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Jobs dispatched per second by one dispatcher instance against the emulator, and the AWS calls per
 * job. The mix is what a busy evening looks like: new moments, comments and reactions (grouped per
 * moment), friend requests; every recipient has one FCM device.
 */
public final class NotificationsBenchmark {

    public static void main(String[] args) throws IOException {
        int jobs = args.length == 2 && args[0].equals("--jobs") ? Integer.parseInt(args[1]) : 2000;
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true));
        java.io.PrintStream report = System.out;
        // the handler's JSON log and metric lines go nowhere: they would dominate the console
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        LocalAws aws = LocalAws.shared();
        AwsClients clients = aws.clients();
        AwsCallCounter calls = new AwsCallCounter();
        DynamoDbClient dynamo = Instrumented.client(clients, DynamoDbClient.builder(), calls);
        SnsClient sns = Instrumented.client(clients, SnsClient.builder(), calls);
        SqsClient sqs = Instrumented.client(clients, SqsClient.builder(), calls);
        String users = aws.table("UsersTable");
        String notifications = aws.table("NotificationsTable");
        String queue = aws.queueUrl("NotificationsQueue");

        String app = sns.createPlatformApplication(r -> r.name("bench-fcm").platform("GCM")
                .attributes(Map.of("PlatformCredential", "bench"))).platformApplicationArn();
        SnsPushGateway push = new SnsPushGateway(sns, Map.of(PushPlatform.FCM, app));
        DynamoDeviceStore devices = new DynamoDeviceStore(dynamo, users);
        Instant now = Instant.now();

        report.printf("== setup: %d recipients with a profile and one FCM device%n", jobs / 4);
        List<String> people = new ArrayList<>();
        DeviceService phones = new DeviceService(devices, push, new Ids(), Clock.systemUTC(), Services.noQuotas());
        DynamoProfileStore profiles = new DynamoProfileStore(aws.dynamo(), users);
        for (int i = 0; i < jobs / 4; i++) {
            String id = UUID.randomUUID().toString();
            profiles.save(new Profile(id, "p" + id.substring(0, 8) + i, "Person " + i, "north-campus", now, now, null), null);
            phones.register(id, new DeviceService.Registration("fcm", "token-" + id));
            people.add(id);
        }
        List<NotificationJob> batch = new ArrayList<>();
        Ids ids = new Ids();
        List<String> moments = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            moments.add(ids.next(now));
        }
        NotificationType[] mix = {NotificationType.NEW_MOMENT, NotificationType.COMMENT, NotificationType.REACTION,
                NotificationType.FRIEND_REQUEST};
        for (int i = 0; i < jobs; i++) {
            int r = i % people.size();
            String recipient = people.get(r);
            String actor = people.get((r + 1 + i / people.size()) % people.size());
            NotificationType type = mix[i / people.size() % mix.length];
            batch.add(NotificationJob.of(type, recipient, actor, moments.get(r), null, now.plusMillis(i)));
        }

        calls.reset();
        long sendStart = System.nanoTime();
        new SqsNotificationQueue(sqs, queue).send(batch);
        long sendNanos = System.nanoTime() - sendStart;
        Map<String, Long> producer = calls.snapshot();
        calls.reset();

        NotificationDispatcher handler = new NotificationDispatcher(new NotificationDelivery(new DynamoInbox(dynamo, notifications),
                new DynamoRecipients(dynamo, users), devices, push, new DynamoPushGrouping(dynamo, notifications),
                InMemoryCampusRegistry.zones("", "America/New_York"), Clock.systemUTC()));
        int done = 0;
        int failed = 0;
        long handlerNanos = 0;
        Set<String> seen = new HashSet<>();
        long start = System.nanoTime();
        while (done < jobs) {
            List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
            if (messages.isEmpty()) {
                continue;
            }
            // The SQS event as Lambda sends it, through the handler's stream path (what Lambda calls).
            List<Map<String, String>> records = new ArrayList<>();
            for (Message m : messages) {
                records.add(Map.of("messageId", m.messageId(), "body", m.body(), "eventSource", "aws:sqs"));
            }
            byte[] event = Json.write(Map.of("Records", records)).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long h = System.nanoTime();
            handler.handleRequest(new ByteArrayInputStream(event), answer, null);
            handlerNanos += System.nanoTime() - h;
            Set<String> failures = new HashSet<>();
            Map<?, ?> response = (Map<?, ?>) Json.read(answer.toString(StandardCharsets.UTF_8), Json.mapOf(Object.class));
            for (Object failure : (List<?>) response.get("batchItemFailures")) {
                failures.add(String.valueOf(((Map<?, ?>) failure).get("itemIdentifier")));
            }
            failed += failures.size();
            List<DeleteMessageBatchRequestEntry> delete = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                if (!failures.contains(messages.get(i).messageId())) {
                    delete.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i))
                            .receiptHandle(messages.get(i).receiptHandle()).build());
                }
            }
            if (!delete.isEmpty()) {
                sqs.deleteMessageBatch(r -> r.queueUrl(queue).entries(delete));
            }
            for (Message m : messages) {
                if (seen.add(m.messageId())) {
                    done++;
                }
            }
        }
        long wall = System.nanoTime() - start;
        Map<String, Long> consumer = calls.snapshot();

        report.printf("== producer: %d jobs queued with SendMessageBatch in %.1f ms%n", jobs, sendNanos / 1e6);
        producer.forEach((op, n) -> report.printf("   %-26s %6d  %.3f per job%n", op, n, n / (double) jobs));
        report.printf("== dispatcher: %d jobs (%d failed) in %.2f s: %.0f jobs/s end to end (receive, handle, delete),"
                + " %.0f jobs/s inside the handler%n", jobs, failed, wall / 1e9, jobs / (wall / 1e9), jobs / (handlerNanos / 1e9));
        consumer.forEach((op, n) -> report.printf("   %-26s %6d  %.3f per job%n", op, n, n / (double) jobs));
        for (String service : List.of("Sqs", "DynamoDb", "Sns")) {
            report.printf("   %-26s %6d  %.3f per job%n", service + " (all)", calls.service(service),
                    calls.service(service) / (double) jobs);
        }
        System.exit(0);
    }
}
