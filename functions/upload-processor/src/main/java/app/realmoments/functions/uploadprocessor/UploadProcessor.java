package app.realmoments.functions.uploadprocessor;

import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.S3Record;
import app.realmoments.log.Metrics;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.MomentPublisher;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * S3 {@code ObjectCreated} on {@code uploads/}: hands each uploaded file to {@link MomentPublisher}.
 * A record that fails makes the invocation fail after the others ran, so Lambda retries it; every
 * step is idempotent, so the retry only finishes what is left. Metrics: MomentsPublished,
 * MomentsRejected, MomentsHeld (screening held it for review), UploadFailures and ColdStart, one
 * embedded-metric line per invocation.
 *
 * <p>A stream handler (docs/cold-start.md): it reads the S3 event's bytes itself ({@link S3Record}, which
 * also decodes the key), so Lambda never loads its event serializer, the event types or Joda-Time.
 */
public final class UploadProcessor implements RequestStreamHandler {

    /** Every record runs even after one failed; then the last failure fails the invocation, for Lambda to retry. */
    private static final RecordLoop<S3Record> RECORDS = RecordLoop.of("upload", S3Record::key,
            RecordLoop.FailurePolicy.FAIL_INVOCATION).countingFailuresAs("UploadFailures");

    private final MomentPublisher publisher;

    public UploadProcessor() {
        this(Wiring.fromEnvironment());
    }

    private UploadProcessor(Wiring wiring) {
        this(new MomentPublisher(wiring.moments(), wiring.media(), new SanitizingPipeline(), wiring.screening(),
                wiring.heldForReview(), wiring.notificationQueue(), wiring.clock()));
    }

    public UploadProcessor(MomentPublisher publisher) {
        this.publisher = publisher;
    }

    /** What Lambda calls: the S3 event in, {@code null} out (what a handler returning nothing answers). */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Metrics metrics = InvocationLog.metrics(context).count("MomentsPublished", 0).count("MomentsRejected", 0)
                .count("MomentsHeld", 0);
        RECORDS.run(S3Record.readAll(input), context, metrics, (record, log) -> handle(record, log, metrics));
        output.write("null".getBytes(StandardCharsets.US_ASCII));
    }

    private void handle(S3Record record, InvocationLog log, Metrics metrics) {
        String key = record.key(); // decoded: S3 sends keys URL-encoded (a space as '+')
        log.put("key", key);
        // Known from the key, so a failed upload's line names its moment and author too.
        MediaKeys.parseUpload(key).ifPresent(upload -> {
            log.put("userId", upload.userId());
            log.put("momentId", upload.momentId());
        });
        MomentPublisher.Result result = publisher.uploaded(key);
        if (result.momentId() != null) {
            log.put("momentId", result.momentId());
        }
        log.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        log.put("detail", result.detail());
        switch (result.outcome()) {
            case PUBLISHED -> metrics.count("MomentsPublished", 1);
            case REJECTED -> metrics.count("MomentsRejected", 1);
            case HELD -> metrics.count("MomentsHeld", 1);
            default -> {
            }
        }
    }
}
