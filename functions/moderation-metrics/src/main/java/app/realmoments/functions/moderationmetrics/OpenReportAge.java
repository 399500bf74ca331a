package app.realmoments.functions.moderationmetrics;

import app.realmoments.events.InvocationLog;
import app.realmoments.json.Json;
import app.realmoments.report.QueueAge;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every five minutes (a schedule): how long the oldest open report has waited, as the EMF metric
 * {@code OldestOpenReportAgeSeconds} (0 when the queue is empty), which the OldestOpenReportAlarm watches.
 * It answers {@code {"oldestOpenReportAgeSeconds": n}}; the event's content is not read.
 */
public final class OpenReportAge implements RequestStreamHandler {

    static final String METRIC = "OldestOpenReportAgeSeconds";

    private final QueueAge age;

    public OpenReportAge() {
        this(Wiring.fromEnvironment());
    }

    private OpenReportAge(Wiring wiring) {
        this(new QueueAge(wiring.reports(), wiring.clock()));
    }

    public OpenReportAge(QueueAge age) {
        this.age = age;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        InvocationLog log = InvocationLog.start(context);
        long seconds = age.oldestOpen().toSeconds();
        InvocationLog.metrics(context).seconds(METRIC, seconds).emit();
        log.put("oldestOpenReportAgeSeconds", seconds).info("moderation queue measured");
        output.write(Json.write(Map.of("oldestOpenReportAgeSeconds", seconds)).getBytes(StandardCharsets.UTF_8));
    }
}
