package app.realmoments.events;

import app.realmoments.log.Metrics;
import app.realmoments.snap.Priming;
import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The per-record loop of the event-driven functions, written once: one log line per record (its
 * fields, outcome and duration), the invocation's metrics line, and the failure policy of the event
 * source. The handler says only what one record means.
 *
 * <pre>{@code
 * List<String> failed = RecordLoop.of("notification job", SqsMessage::messageId, FailurePolicy.REPORT_EACH)
 *         .run(messages, context, metrics, (message, log) -> ...);
 * }</pre>
 */
public final class RecordLoop<R> {

    /** How an event source wants a failed record reported. */
    public enum FailurePolicy {
        /**
         * DynamoDB streams: records run in order and the first that fails is reported; none after it
         * runs, so Lambda retries from it and the records keep their order.
         */
        STOP_AT_FIRST,
        /** SQS: every message runs and each failed one is reported alone (a partial batch response). */
        REPORT_EACH,
        /**
         * S3's asynchronous invocation: every record runs, then the invocation fails with the last
         * failure, so Lambda retries the whole event (each step being safe to repeat).
         */
        FAIL_INVOCATION
    }

    /** What one record means; anything it throws is that record's failure. */
    @FunctionalInterface
    public interface Step<R> {
        void handle(R record, InvocationLog log);
    }

    private final String what;
    private final Function<R, String> idOf;
    private final FailurePolicy policy;
    private final String failureMetric;

    private RecordLoop(String what, Function<R, String> idOf, FailurePolicy policy, String failureMetric) {
        this.what = what;
        this.idOf = idOf;
        this.policy = policy;
        this.failureMetric = failureMetric;
    }

    /**
     * @param what  what a record is, in the log lines' words ("upload" gives "upload handled" and "upload failed")
     * @param idOf  the id a batch response reports a failed record by
     */
    public static <R> RecordLoop<R> of(String what, Function<R, String> idOf, FailurePolicy policy) {
        if (Priming.enabled()) {
            Priming.register("event records", RecordLoop::prime);
        }
        return new RecordLoop<>(what, idOf, policy, null);
    }

    /** Synthetic SQS and stream events through their readers, and a batch answer written (SnapStart priming). */
    static void prime() {
        try {
            SqsMessage.readAll(new ByteArrayInputStream(("{\"Records\":[{\"messageId\":\"priming\",\"body\":\"{}\","
                    + "\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"eventSource\":\"aws:sqs\"}]}")
                    .getBytes(StandardCharsets.UTF_8)));
            StreamRecord.readAll(new ByteArrayInputStream(("{\"Records\":[{\"eventName\":\"MODIFY\",\"dynamodb\":{"
                    + "\"Keys\":{\"momentId\":{\"S\":\"priming\"}},\"NewImage\":{\"momentId\":{\"S\":\"priming\"},"
                    + "\"n\":{\"N\":\"1\"},\"m\":{\"M\":{\"b\":{\"BOOL\":true}}},\"l\":{\"L\":[{\"SS\":[\"a\"]}]}},"
                    + "\"SequenceNumber\":\"1\"}}]}").getBytes(StandardCharsets.UTF_8)));
            BatchItemFailures.write(List.of("priming"), OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Also counts the failed records in the invocation's metrics under {@code metric}. */
    public RecordLoop<R> countingFailuresAs(String metric) {
        return new RecordLoop<>(what, idOf, policy, metric);
    }

    /**
     * Runs every record the policy allows, writes a log line for each and emits {@code metrics} (what the
     * steps counted) once at the end. Returns the ids to report as failed; under
     * {@link FailurePolicy#FAIL_INVOCATION} it throws the last failure instead.
     */
    public List<String> run(List<R> records, Context context, Metrics metrics, Step<R> step) {
        List<String> failed = new ArrayList<>();
        RuntimeException last = null;
        for (R record : records) {
            InvocationLog log = InvocationLog.start(context);
            try {
                step.handle(record, log);
                log.info(what + " handled");
            } catch (RuntimeException e) {
                log.put("outcome", "failed");
                log.error(what + " failed", e);
                failed.add(idOf.apply(record));
                last = e;
                if (policy == FailurePolicy.STOP_AT_FIRST) {
                    break;
                }
            }
        }
        if (failureMetric != null) {
            metrics.count(failureMetric, failed.size());
        }
        metrics.emit();
        if (policy == FailurePolicy.FAIL_INVOCATION && last != null) {
            throw last;
        }
        return failed;
    }
}
