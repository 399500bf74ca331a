package app.realmoments.log;

import app.realmoments.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON line per event handled, as Lambda's JSON log format expects: never tokens, bodies or image
 * bytes; stack traces only here, never in a response.
 */
public final class Log {

    private Log() {
    }

    public static void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields, null);
    }

    public static void warn(String message, Map<String, ?> fields) {
        write("WARN", message, fields, null);
    }

    public static void error(String message, Map<String, ?> fields, Throwable error) {
        write("ERROR", message, fields, error);
    }

    private static void write(String level, String message, Map<String, ?> fields, Throwable error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        fields.forEach((k, v) -> {
            if (v != null) {
                line.put(k, v);
            }
        });
        if (error != null) {
            line.put("errorType", error.getClass().getName());
            line.put("errorMessage", String.valueOf(error.getMessage()));
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            line.put("stackTrace", trace.toString());
        }
        System.out.println(Json.write(line)); // at call time: Lambda's runtime and tests may replace it
    }
}
