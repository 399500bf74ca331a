package app.realmoments.functions.moderationmetrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.http.TestContext;
import app.realmoments.report.QueueAge;
import app.realmoments.report.Reason;
import app.realmoments.report.Report;
import app.realmoments.report.Target;
import app.realmoments.testing.CapturedLogs;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryReportStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A scheduled event in, the oldest open report's age out, as a metric the alarm can watch. */
class OpenReportAgeTest {

    private static final Instant NOW = Instant.parse("2026-11-29T17:31:00Z");

    private final InMemoryReportStore reports = new InMemoryReportStore(new FakeSocialGraph());
    private final OpenReportAge handler = new OpenReportAge(new QueueAge(reports, Clock.fixed(NOW, ZoneOffset.UTC)));

    private String invoke() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(Events.read("prompt-scheduled-event.json")
                    .getBytes(StandardCharsets.UTF_8)), out, new TestContext("r1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theOldestOpenReportsAgeIsTheMetric() {
        assertEquals("{\"oldestOpenReportAgeSeconds\":0}", invoke(), "an empty queue");
        reports.file(new Report("01JD8X3Q6Z7V9K2M4N5P6R7S8T", "ben", Target.user("ana"), Reason.SPAM, null,
                NOW.minusSeconds(7200)), "ana", null);
        reports.file(new Report("01JD8X3Q6Z7V9K2M4N5P6R7S8V", "cy", Target.user("dee"), Reason.SPAM, null,
                NOW.minusSeconds(60)), "dee", null);
        List<JsonNode> lines = CapturedLogs.capture(this::invoke);
        JsonNode emf = CapturedLogs.emf(lines);
        assertEquals(7200, emf.path(OpenReportAge.METRIC).asLong());
        assertEquals("Seconds", emf.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").get(0).path("Unit").asText());
    }
}
