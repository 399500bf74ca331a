package app.realmoments.outbox.sqs;

import app.realmoments.json.Json;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.retry.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/** Notification jobs on SQS, ten per SendMessageBatch call; failed entries are retried, then reported. */
public final class SqsNotificationQueue implements NotificationQueue {

    static final int BATCH = 10;
    private static final int ATTEMPTS = 3;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsNotificationQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(List<NotificationJob> jobs) {
        send(jobs, Duration.ZERO);
    }

    @Override
    public void send(List<NotificationJob> jobs, Duration delay) {
        int seconds = (int) Math.max(0, Math.min(MAX_DELAY.toSeconds(), delay.toSeconds()));
        for (int start = 0; start < jobs.size(); start += BATCH) {
            List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
            List<NotificationJob> batch = jobs.subList(start, Math.min(jobs.size(), start + BATCH));
            for (int i = 0; i < batch.size(); i++) {
                SendMessageBatchRequestEntry.Builder entry = SendMessageBatchRequestEntry.builder().id(Integer.toString(i))
                        .messageBody(Json.write(batch.get(i)));
                if (seconds > 0) {
                    entry.delaySeconds(seconds);
                }
                entries.add(entry.build());
            }
            sendAll(entries);
        }
    }

    private void sendAll(List<SendMessageBatchRequestEntry> entries) {
        List<SendMessageBatchRequestEntry> pending = entries;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > 1) {
                Backoff.STANDARD.pause(attempt - 1);
            }
            List<SendMessageBatchRequestEntry> sending = pending;
            SendMessageBatchResponse response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(sending));
            if (!response.hasFailed() || response.failed().isEmpty()) {
                return;
            }
            var failedIds = response.failed().stream().map(f -> f.id()).toList();
            if (attempt >= ATTEMPTS) {
                throw new IllegalStateException(failedIds.size() + " notification jobs were not queued: "
                        + response.failed().getFirst().code());
            }
            pending = sending.stream().filter(e -> failedIds.contains(e.id())).toList();
        }
    }
}
