package app.realmoments.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a handler writes to stdout (its JSON log lines and embedded-metric lines), one JSON object a line.
 * System.out is global: a test class using this should hold
 * {@code @ResourceLock(Resources.SYSTEM_OUT)}.
 */
public final class CapturedLogs {

    private CapturedLogs() {
    }

    /** Runs the action with stdout captured and returns its lines. */
    public static List<JsonNode> capture(Runnable action) {
        return capture(action, new ArrayList<>());
    }

    /** Runs the action with stdout captured; the lines land in {@code into} even when it throws. */
    public static List<JsonNode> capture(Runnable action, List<JsonNode> into) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
            for (String line : bytes.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    into.add(JsonTrees.tree(line));
                }
            }
        }
        return into;
    }

    /** The one embedded-metric-format line. */
    public static JsonNode emf(List<JsonNode> lines) {
        List<JsonNode> matching = lines.stream().filter(l -> l.has("_aws")).toList();
        assertEquals(1, matching.size(), lines.toString());
        return matching.getFirst();
    }

    /** The one log line with this message. */
    public static JsonNode only(List<JsonNode> lines, String message) {
        List<JsonNode> matching = lines.stream().filter(l -> message.equals(l.path("message").asText())).toList();
        assertEquals(1, matching.size(), lines.toString());
        return matching.getFirst();
    }
}
