package app.realmoments.functions.dispatch;

import app.realmoments.wiring.Wiring;
import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.SqsMessage;
import app.realmoments.json.Json;
import app.realmoments.events.InvocationLog;
import app.realmoments.notify.NotificationDispatch;
import app.realmoments.outbox.NotificationJob;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
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

    private final NotificationDispatch dispatch;

    public NotificationDispatcher() {
        this(Wiring.fromEnvironment());
    }

    private NotificationDispatcher(Wiring wiring) {
        this(new NotificationDispatch(wiring.inbox(), wiring.recipients(), wiring.devices(), wiring.push(),
                wiring.pushGrouping(), wiring.campusTimeZones(), wiring.clock()));
    }

    public NotificationDispatcher(NotificationDispatch dispatch) {
        this.dispatch = dispatch;
    }

    /** What Lambda calls: the SQS event in, {@code {"batchItemFailures": [...]}} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        BatchItemFailures.write(handle(SqsMessage.readAll(input), context), output);
    }

    /** Dispatches every message; the ids of those that failed. */
    private List<String> handle(List<SqsMessage> messages, Context context) {
        List<String> failures = new ArrayList<>();
        long sent = 0;
        long pushed = 0;
        long pushFailures = 0;
        long devicesRemoved = 0;
        for (SqsMessage message : messages) {
            InvocationLog log = InvocationLog.start(context).put("messageId", message.messageId());
            try {
                NotificationJob job = Json.read(message.body(), NotificationJob.class);
                log.put("notificationId", job.notificationId());
                log.put("type", job.type() == null ? null : job.type().wire());
                log.put("userId", job.recipientId());
                log.put("momentId", job.momentId());
                NotificationDispatch.Result result = dispatch.dispatch(job);
                log.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
                log.put("pushed", result.pushed());
                sent += result.wroteInbox() ? 1 : 0;
                pushed += result.pushed();
                pushFailures += result.pushFailures();
                devicesRemoved += result.devicesRemoved();
                log.info("notification job handled");
            } catch (RuntimeException e) {
                log.error("notification job failed", e);
                failures.add(message.messageId());
            }
        }
        InvocationLog.metrics(context).count("NotificationsSent", sent).count("PushesSent", pushed)
                .count("PushFailures", pushFailures).count("DevicesRemoved", devicesRemoved)
                .count("JobsFailed", failures.size()).emit();
        return failures;
    }
}
