package app.realmoments.outbox.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.json.Json;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

class SqsNotificationQueueIT {

    @Test
    void everyJobArrivesSentTenPerCall() {
        SqsClient sqs = LocalAws.shared().sqs();
        String url = sqs.createQueue(r -> r.queueName("jobs-" + System.nanoTime())).queueUrl();
        List<NotificationJob> jobs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            jobs.add(NotificationJob.of(NotificationType.NEW_MOMENT, "user-" + i, "ana", "m", null, Instant.now()));
        }
        new SqsNotificationQueue(sqs, url).send(jobs);

        Set<String> received = new HashSet<>();
        for (int round = 0; round < 10 && received.size() < jobs.size(); round++) {
            sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages()
                    .forEach(m -> received.add(Json.read(m.body(), NotificationJob.class).notificationId()));
        }
        assertEquals(jobs.stream().map(NotificationJob::notificationId).collect(java.util.stream.Collectors.toSet()), received);
    }
}
