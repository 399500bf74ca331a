package app.realmoments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.http.TestContext;
import app.realmoments.log.Metrics;
import app.realmoments.testing.CapturedLogs;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Each event source's failure policy, and one log line per record that says what became of it. */
@ResourceLock(Resources.SYSTEM_OUT)
class RecordLoopTest {

    private final List<String> ran = new ArrayList<>();

    private RecordLoop.Step<String> failingOn(String bad) {
        return (record, log) -> {
            ran.add(record);
            log.put("record", record);
            if (record.equals(bad)) {
                throw new IllegalStateException("throttled");
            }
            log.put("outcome", "done");
        };
    }

    @Test
    void aStreamStopsAtTheFirstFailureAndReportsOnlyIt() {
        var loop = RecordLoop.of("stream record", Function.<String>identity(), RecordLoop.FailurePolicy.STOP_AT_FIRST);

        List<String> failed = loop.run(List.of("1", "2", "3"), new TestContext("r1"), Metrics.of("f"), failingOn("2"));

        assertEquals(List.of("2"), failed);
        assertEquals(List.of("1", "2"), ran, "nothing after the failed record ran, so the order holds");
    }

    @Test
    void aQueueRunsEveryMessageAndReportsEachFailureAndCountsThem() {
        var loop = RecordLoop.of("notification job", Function.<String>identity(), RecordLoop.FailurePolicy.REPORT_EACH)
                .countingFailuresAs("JobsFailed");
        List<String> failed = new ArrayList<>();

        List<JsonNode> lines = CapturedLogs.capture(() -> failed.addAll(loop.run(List.of("a", "b", "a"),
                new TestContext("r2"), Metrics.of("f"), failingOn("a"))));

        assertEquals(List.of("a", "a"), failed);
        assertEquals(List.of("a", "b", "a"), ran);
        assertEquals(2, CapturedLogs.emf(lines).get("JobsFailed").asInt());
        JsonNode handled = CapturedLogs.only(lines, "notification job handled");
        assertEquals("b", handled.get("record").asText());
        assertEquals("done", handled.get("outcome").asText());
        assertEquals("r2", handled.get("requestId").asText());
        lines.stream().filter(l -> "notification job failed".equals(l.path("message").asText()))
                .forEach(l -> assertEquals("failed", l.get("outcome").asText()));
    }

    @Test
    void anAsynchronousEventRunsEveryRecordThenFailsTheInvocationWithTheLastFailure() {
        var loop = RecordLoop.of("upload", Function.<String>identity(), RecordLoop.FailurePolicy.FAIL_INVOCATION);
        IllegalStateException last = new IllegalStateException("second");
        RecordLoop.Step<String> step = (record, log) -> {
            ran.add(record);
            if (record.equals("x")) {
                throw new IllegalStateException("first");
            }
            if (record.equals("y")) {
                throw last;
            }
        };

        List<JsonNode> lines = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> CapturedLogs.capture(
                () -> loop.run(List.of("x", "ok", "y"), new TestContext("r3"), Metrics.of("f").count("Seen", 3), step),
                lines));

        assertSame(last, thrown);
        assertEquals(List.of("x", "ok", "y"), ran);
        assertEquals(3, CapturedLogs.emf(lines).get("Seen").asInt(), "the metrics line is written before it throws");
    }

    @Test
    void theEventRecordsPrimerReadsSyntheticEventsWithoutFailing() {
        RecordLoop.prime();
    }
}
