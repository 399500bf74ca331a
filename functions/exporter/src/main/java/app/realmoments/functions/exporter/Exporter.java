package app.realmoments.functions.exporter;

import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.SqsMessage;
import app.realmoments.export.ExportBuilder;
import app.realmoments.export.ExportJob;
import app.realmoments.json.Json;
import app.realmoments.log.Metrics;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;

/**
 * The exports queue: each job builds one user's archive in the exports bucket, marks the export ready and
 * queues its {@code export_ready} notification ({@link ExportBuilder}). Each failed job is reported alone,
 * so it is retried alone and ends in the dead-letter queue after the redrive limit.
 */
public final class Exporter implements RequestStreamHandler {

    private static final RecordLoop<SqsMessage> RECORDS = RecordLoop.of("export job", SqsMessage::messageId,
            RecordLoop.FailurePolicy.REPORT_EACH).countingFailuresAs("ExportsFailed");

    private final ExportBuilder builder;

    public Exporter() {
        this(Wiring.fromEnvironment());
    }

    private Exporter(Wiring wiring) {
        this(new ExportBuilder(wiring.exports(), wiring.exportArchives(), wiring.exportSources(), wiring.notificationQueue(),
                wiring.clock()));
    }

    public Exporter(ExportBuilder builder) {
        this.builder = builder;
    }

    /** What Lambda calls: the SQS event in, {@code {"batchItemFailures": [...]}} out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Metrics metrics = InvocationLog.metrics(context).count("ExportsBuilt", 0);
        BatchItemFailures.write(RECORDS.run(SqsMessage.readAll(input), context, metrics, (message, log) -> {
            log.put("messageId", message.messageId());
            ExportJob job = Json.read(message.body(), ExportJob.class);
            log.put("userId", job.userId());
            log.put("exportId", job.exportId());
            ExportBuilder.Outcome outcome = builder.build(job);
            log.put("outcome", outcome.name().toLowerCase(Locale.ROOT));
            metrics.count("ExportsBuilt", outcome == ExportBuilder.Outcome.BUILT ? 1 : 0); // counts add up
        }), output);
    }
}
