package app.realmoments.functions.fanout;

import app.realmoments.wiring.Wiring;
import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.StreamRecord;
import app.realmoments.feed.MomentFanout;
import app.realmoments.interact.InteractionCleanup;
import app.realmoments.events.InvocationLog;
import app.realmoments.log.Metrics;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The moments table's stream: a moment that becomes {@code published} fans out to its recipients'
 * feeds; a deleted one leaves them, and its reactions and comments are deleted. The first record that fails is reported, so Lambda retries from
 * it and the records after it keep their order.
 *
 * <p>A stream handler (docs/cold-start.md): it reads the stream event's bytes itself
 * ({@link StreamRecord}, images straight into the SDK's attribute values) and writes the batch response
 * ({@link BatchItemFailures}), so Lambda never loads its event serializer, the event types or Joda-Time.
 */
public final class FeedFanout implements RequestStreamHandler {

    private final MomentFanout fanout;
    private final InteractionCleanup interactions;

    public FeedFanout() {
        this(Wiring.fromEnvironment());
    }

    private FeedFanout(Wiring wiring) {
        this(new MomentFanout(wiring.feeds(), wiring.socialGraph(), wiring.notificationQueue()),
                wiring.interactionCleanup());
    }

    public FeedFanout(MomentFanout fanout, InteractionCleanup interactions) {
        this.fanout = fanout;
        this.interactions = interactions;
    }

    /** What Lambda calls: the stream event in, {@code {"batchItemFailures": [...]}} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        BatchItemFailures.write(handle(StreamRecord.readAll(input), context), output);
    }

    /** Handles the records in order; the sequence number of the first that fails, after which none runs. */
    private List<String> handle(List<StreamRecord> records, Context context) {
        InvocationLog.metrics(context).emit(); // ColdStart only; one fan-out line per published moment below
        for (StreamRecord record : records) {
            InvocationLog log = InvocationLog.start(context).put("eventName", record.eventName());
            try {
                Moment before = moment(record.oldImage());
                Moment after = moment(record.newImage());
                log.put("momentId", after != null ? after.momentId() : before != null ? before.momentId() : null);
                if (after != null && after.status() == MomentStatus.PUBLISHED
                        && (before == null || before.status() != MomentStatus.PUBLISHED)) {
                    long started = System.nanoTime();
                    int recipients = fanout.published(after);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    log.put("outcome", "fanned_out");
                    log.put("recipients", recipients);
                    Metrics.of(context == null ? null : context.getFunctionName())
                            .count("FanoutRecipients", recipients).milliseconds("FanoutDuration", millis).emit();
                } else if (after == null && before != null && before.status() == MomentStatus.PUBLISHED) {
                    fanout.removed(before.momentId());
                    interactions.removeAll(before.momentId()); // others' reactions and comments go with it
                    log.put("outcome", "removed");
                } else {
                    log.put("outcome", "ignored");
                }
                log.info("stream record handled");
            } catch (RuntimeException e) {
                log.error("stream record failed", e);
                return List.of(record.sequenceNumber());
            }
        }
        return List.of();
    }

    private static Moment moment(Map<String, AttributeValue> image) {
        return image == null || image.isEmpty() ? null : DynamoMomentStore.fromItem(image);
    }
}
