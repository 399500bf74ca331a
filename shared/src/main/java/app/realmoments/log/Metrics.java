package app.realmoments.log;

import app.realmoments.json.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * CloudWatch metrics in the embedded metric format: one JSON log line that CloudWatch turns into
 * metrics, so recording them costs no HTTP call. Dimension: the function name.
 *
 * <pre>Metrics.of(context.getFunctionName()).count("MomentsPublished", 1).milliseconds("FanoutDuration", 42).emit();</pre>
 */
public final class Metrics {

    public static final String NAMESPACE = "RealMoments";

    /** One per container: a Lambda container loads a function's classes once and serves one function. */
    private static final AtomicBoolean COLD = new AtomicBoolean(true);

    private final String function;
    private final Clock clock;
    private final Map<String, Number> values = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    private Metrics(String function, Clock clock) {
        this.function = function == null ? "unknown" : function;
        this.clock = clock;
    }

    public static Metrics of(String function) {
        return new Metrics(function, Clock.systemUTC());
    }

    static Metrics of(String function, Clock clock) {
        return new Metrics(function, clock);
    }

    public Metrics count(String name, long value) {
        return put(name, value, "Count");
    }

    public Metrics milliseconds(String name, long value) {
        return put(name, value, "Milliseconds");
    }

    public Metrics seconds(String name, long value) {
        return put(name, value, "Seconds");
    }

    /** {@code ColdStart = 1} on the first invocation this container serves; nothing on later ones. */
    public Metrics coldStart() {
        return COLD.getAndSet(false) ? count("ColdStart", 1) : this;
    }

    private Metrics put(String name, long value, String unit) {
        values.merge(name, value, (a, b) -> a.longValue() + b.longValue());
        units.put(name, unit);
        return this;
    }

    /** The EMF line, or null when nothing was recorded. */
    public String line() {
        if (values.isEmpty()) {
            return null;
        }
        List<Map<String, String>> definitions = new ArrayList<>();
        units.forEach((name, unit) -> definitions.add(Map.of("Name", name, "Unit", unit)));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", clock.millis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("function")),
                        "Metrics", definitions))));
        line.put("function", function);
        line.putAll(values);
        return Json.write(line);
    }

    public void emit() {
        String line = line();
        if (line != null) {
            // System.out at call time (not cached): Lambda's runtime and tests may replace it.
            System.out.println(line);
        }
    }
}
