package app.realmoments.functions.notificationdispatcher;

import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.SqsMessage;
import app.realmoments.json.Json;
import app.realmoments.log.Metrics;
import app.realmoments.notify.NotificationDelivery;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The notifications queue: each job becomes an inbox item and a push to the recipient's devices.
 * Failures are reported one by one, so a poison message is retried alone and ends in the dead-letter
 * queue after the redrive limit.
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
        BatchItemFailures.write(RECORDS.run(SqsMessage.readAll(input), context, metrics,
                (message, log) -> handle(message, log, metrics)), output);
    }

    private void handle(SqsMessage message, InvocationLog log, Metrics metrics) {
        log.put("messageId", message.messageId());
        NotificationJob job = Json.read(message.body(), NotificationJob.class);
        log.put("notificationId", job.notificationId());
        log.put("type", job.type() == null ? null : job.type().wire());
        log.put("userId", job.recipientId());
        log.put("momentId", job.momentId());
        NotificationDelivery.Result result = delivery.deliver(job);
        log.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        log.put("pushed", result.pushed());
        metrics.count("NotificationsSent", result.wroteInbox() ? 1 : 0).count("PushesSent", result.pushed())
                .count("PushFailures", result.pushFailures()).count("DevicesRemoved", result.devicesRemoved());
    }
}
