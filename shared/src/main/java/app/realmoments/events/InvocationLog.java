package app.realmoments.events;

import app.realmoments.log.Log;
import app.realmoments.log.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one handled record's log line: {@code requestId} and {@code function} from the
 * context, then what the handler adds; {@link #info} adds {@code durationMs} since {@link #start}.
 *
 * <pre>InvocationLog log = InvocationLog.start(context).put("key", key);
 * log.info("upload handled");</pre>
 */
public final class InvocationLog {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    private InvocationLog(Context context) {
        fields.put("requestId", context == null ? null : context.getAwsRequestId());
        fields.put("function", context == null ? null : context.getFunctionName());
    }

    public static InvocationLog start(Context context) {
        return new InvocationLog(context);
    }

    /**
     * The metrics of one invocation: dimension the context's function name, with {@code ColdStart = 1}
     * when it is the container's first invocation.
     */
    public static Metrics metrics(Context context) {
        return Metrics.of(context == null ? null : context.getFunctionName()).coldStart();
    }

    public InvocationLog put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    /** Milliseconds since {@link #start}. */
    public long elapsedMillis() {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** An INFO line with the fields and {@code durationMs}. */
    public void info(String message) {
        fields.put("durationMs", elapsedMillis());
        Log.info(message, fields);
    }

    /** An ERROR line with the fields and the error's type, message and stack trace. */
    public void error(String message, Throwable error) {
        Log.error(message, fields, error);
    }
}
