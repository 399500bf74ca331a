package app.realmoments.functions.feedfanout;

import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.StreamRecord;
import app.realmoments.feed.MomentFanout;
import app.realmoments.log.Metrics;
import app.realmoments.moment.Moment;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The moments table's stream: each record's old and new image go to {@link MomentFanout#changed}, which
 * fans a newly published moment out to its recipients' feeds and takes a deleted one out of them with
 * its reactions and comments. The first record that fails is reported, so Lambda retries from it and
 * the records after it keep their order.
 *
 * <p>A stream handler (docs/cold-start.md): it reads the stream event's bytes itself
 * ({@link StreamRecord}, images straight into the SDK's attribute values) and writes the batch response
 * ({@link BatchItemFailures}), so Lambda never loads its event serializer, the event types or Joda-Time.
 */
public final class FeedFanout implements RequestStreamHandler {

    private static final RecordLoop<StreamRecord> RECORDS =
            RecordLoop.of("stream record", StreamRecord::sequenceNumber, RecordLoop.FailurePolicy.STOP_AT_FIRST);

    private final MomentFanout fanout;

    public FeedFanout() {
        this(Wiring.fromEnvironment());
    }

    private FeedFanout(Wiring wiring) {
        this(new MomentFanout(wiring.feeds(), wiring.socialGraph(), wiring.notificationQueue(),
                wiring.interactionCleanup()));
    }

    public FeedFanout(MomentFanout fanout) {
        this.fanout = fanout;
    }

    /** What Lambda calls: the stream event in, {@code {"batchItemFailures": [...]}} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        List<StreamRecord> records = StreamRecord.readAll(input);
        // the invocation's line carries ColdStart only; each fan-out writes a line of its own below
        BatchItemFailures.write(RECORDS.run(records, context, InvocationLog.metrics(context),
                (record, log) -> handle(record, log, context)), output);
    }

    private void handle(StreamRecord record, InvocationLog log, Context context) {
        log.put("eventName", record.eventName());
        Moment before = moment(record.oldImage());
        Moment after = moment(record.newImage());
        log.put("momentId", after != null ? after.momentId() : before != null ? before.momentId() : null);
        long started = System.nanoTime();
        MomentFanout.Outcome outcome = fanout.changed(before, after);
        log.put("outcome", outcome.change().name().toLowerCase(Locale.ROOT));
        if (outcome.change() == MomentFanout.Change.FANNED_OUT) {
            log.put("recipients", outcome.recipients());
            Metrics.of(context == null ? null : context.getFunctionName())
                    .count("FanoutRecipients", outcome.recipients())
                    .milliseconds("FanoutDuration", (System.nanoTime() - started) / 1_000_000).emit();
        }
    }

    private static Moment moment(Map<String, AttributeValue> image) {
        return image == null || image.isEmpty() ? null : DynamoMomentStore.fromItem(image);
    }
}
