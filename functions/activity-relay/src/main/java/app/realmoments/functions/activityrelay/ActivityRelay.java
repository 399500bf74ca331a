package app.realmoments.functions.activityrelay;

import app.realmoments.activity.ActivityRules;
import app.realmoments.activity.Change;
import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.StreamRecord;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The users and the interactions tables' streams: each committed friend request, friendship, unfriending,
 * reaction and comment goes to {@link ActivityRules}, which notifies and keeps feeds clean. Because the
 * follow-up comes from the stream, a change that committed is followed up even when the request that made
 * it lost its answer or its notification send failed. The first record that fails is reported, so Lambda
 * retries from it; every follow-up is safe to repeat.
 */
public final class ActivityRelay implements RequestStreamHandler {

    private static final RecordLoop<StreamRecord> RECORDS =
            RecordLoop.of("stream record", StreamRecord::sequenceNumber, RecordLoop.FailurePolicy.STOP_AT_FIRST);

    private final ActivityRules rules;

    public ActivityRelay() {
        this(Wiring.fromEnvironment());
    }

    private ActivityRelay(Wiring wiring) {
        this(new ActivityRules(wiring.notificationQueue(), wiring.feeds(), wiring.moments()));
    }

    public ActivityRelay(ActivityRules rules) {
        this.rules = rules;
    }

    /** What Lambda calls: the stream event in, {@code {"batchItemFailures": [...]}} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        BatchItemFailures.write(RECORDS.run(StreamRecord.readAll(input), context, InvocationLog.metrics(context),
                this::handle), output);
    }

    private void handle(StreamRecord record, InvocationLog log) {
        log.put("eventName", record.eventName());
        Optional<Change> change = DynamoSocialGraph.changeOf(record.eventName(), record.keys(), record.newImage())
                .or(() -> DynamoInteractionStore.changeOf(record.eventName(), record.keys(), record.oldImage(),
                        record.newImage()));
        log.put("change", change.map(c -> c.getClass().getSimpleName()).orElse(null));
        log.put("outcome", change.map(rules::followUp).orElse("ignored"));
    }
}
