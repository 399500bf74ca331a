package app.realmoments.functions.notificationdispatcher;

import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.SqsMessage;
import app.realmoments.json.Json;
import app.realmoments.log.Metrics;
import app.realmoments.notify.NotificationDelivery;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The notifications queue: each job becomes an inbox item and a push to the recipient's devices (a job
 * may carry many recipients: the daily prompt's). The whole batch is prepared together (its recipients
 * read and its new inbox items written in as few calls as DynamoDB allows), then each message delivers
 * its pushes. Failures are reported one by one, so a poison message is retried alone and ends in the
 * dead-letter queue after the redrive limit.
 *
 * <p>A stream handler (docs/cold-start.md): it reads the SQS event's bytes itself ({@link SqsMessage})
 * and writes the batch response ({@link BatchItemFailures}), so Lambda never loads its event serializer,
 * the event types or Joda-Time.
 */
public final class NotificationDispatcher implements RequestStreamHandler {

    /** Each message that fails is reported alone, so a poison message is retried alone. */
    private static final RecordLoop<SqsMessage> RECORDS = RecordLoop.of("notification job", SqsMessage::messageId,
            RecordLoop.FailurePolicy.REPORT_EACH).countingFailuresAs("JobsFailed");

    private final NotificationDelivery delivery;

    public NotificationDispatcher() {
        this(Wiring.fromEnvironment());
    }

    private NotificationDispatcher(Wiring wiring) {
        this(new NotificationDelivery(wiring.inbox(), wiring.recipients(), wiring.devices(), wiring.push(),
                wiring.pushGrouping(), wiring.campusTimeZones(), wiring.clock()));
    }

    public NotificationDispatcher(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    /** What Lambda calls: the SQS event in, {@code {"batchItemFailures": [...]}} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Metrics metrics = InvocationLog.metrics(context).count("NotificationsSent", 0).count("PushesSent", 0)
                .count("PushFailures", 0).count("DevicesRemoved", 0);
        List<SqsMessage> messages = SqsMessage.readAll(input);
        Map<SqsMessage, NotificationJob> jobs = new IdentityHashMap<>();
        for (SqsMessage message : messages) {
            try {
                jobs.put(message, Json.read(message.body(), NotificationJob.class));
            } catch (RuntimeException poison) {
                // reported by the record loop, which reads it again
            }
        }
        NotificationDelivery.Batch batch = delivery.prepare(jobs.values());
        long lag = promptLag(jobs.values(), batch);
        if (lag >= 0) {
            metrics.milliseconds("PromptLag", lag);
        }
        long[] longest = {0};
        BatchItemFailures.write(RECORDS.run(messages, context, metrics, (message, log) -> {
            NotificationJob job = jobs.get(message);
            if (job != null && job.carriesMany() && !timeFor(context, longest[0])) {
                // its inbox items are not written yet: handed back, it is delivered whole by a later invocation
                log.put("outcome", "deferred");
                throw new IllegalStateException("not enough time left in this invocation for a job of many");
            }
            long started = System.nanoTime();
            handle(message, job, batch, log, metrics);
            longest[0] = Math.max(longest[0], (System.nanoTime() - started) / 1_000_000);
        }), output);
    }

    /**
     * Whether a job for many can still be delivered before the function's timeout: a job cut off by it would
     * keep its inbox items and lose its pushes, so a job that might not finish is handed back instead.
     */
    private static boolean timeFor(Context context, long longestJobMillis) {
        return context == null || context.getRemainingTimeInMillis() > 2 * longestJobMillis + 5_000;
    }

    /**
     * How long after its prompt's time the latest prompt job of the batch is being sent (its members' pushes
     * go out now); -1 without one. Its maximum is what the prompt-lag alarm watches (docs/operating.md).
     */
    private static long promptLag(Iterable<NotificationJob> jobs, NotificationDelivery.Batch batch) {
        long lag = -1;
        for (NotificationJob job : jobs) {
            if (job.type() == NotificationType.PROMPT && job.createdAt() != null) {
                try {
                    lag = Math.max(lag, Math.max(0, Duration.between(Instant.parse(job.createdAt()), batch.at()).toMillis()));
                } catch (DateTimeParseException malformed) {
                    // the record loop refuses it
                }
            }
        }
        return lag;
    }

    private void handle(SqsMessage message, NotificationJob parsed, NotificationDelivery.Batch batch,
                        InvocationLog log, Metrics metrics) {
        log.put("messageId", message.messageId());
        NotificationJob job = parsed != null ? parsed : Json.read(message.body(), NotificationJob.class);
        log.put("notificationId", job.notificationId());
        log.put("type", job.type() == null ? null : job.type().wire());
        log.put("userId", job.recipientId());
        if (job.recipientIds() != null) {
            log.put("recipients", job.recipientIds().size());
        }
        log.put("momentId", job.momentId());
        NotificationDelivery.Result result = batch.deliver(job);
        log.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        log.put("notified", result.notified());
        log.put("pushed", result.pushed());
        metrics.count("NotificationsSent", result.notified()).count("PushesSent", result.pushed())
                .count("PushFailures", result.pushFailures()).count("DevicesRemoved", result.devicesRemoved());
    }
}
