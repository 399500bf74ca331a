package app.realmoments.runtime.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A failure reported by a function container JVM: Lambda's error JSON as the container sent it
 * ({@code errorType}, {@code errorMessage}, {@code stackTrace}), or {@code Runtime.ExitError} when the
 * container's process ended. Its stack trace is the container's, printed as the container reported it.
 */
public final class FunctionError extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String errorType;
    private final List<String> trace;
    private final String json;

    private FunctionError(String errorType, String message, List<String> trace, String json) {
        super(message, null, false, false);
        this.errorType = errorType;
        this.trace = List.copyOf(trace);
        this.json = json;
    }

    /** From the error JSON a container posted (anything else is kept as the message). */
    static FunctionError fromJson(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            List<String> trace = new ArrayList<>();
            node.path("stackTrace").forEach(line -> trace.add(line.asText()));
            return new FunctionError(node.path("errorType").asText("Unknown"), node.path("errorMessage").asText(null),
                    trace, json);
        } catch (IOException | RuntimeException e) {
            return new FunctionError("Unknown", json, List.of(), json);
        }
    }

    /** The container's process ended (a crash, System.exit, a killed JVM): Lambda's Runtime.ExitError. */
    static FunctionError exited(int status) {
        String message = "Runtime exited with error: exit status " + status;
        String json = JSON.createObjectNode().put("errorType", "Runtime.ExitError").put("errorMessage", message)
                .toString();
        return new FunctionError("Runtime.ExitError", message, List.of(), json);
    }

    /** The Java class name of what the function threw, or a Runtime.* error type. */
    public String errorType() {
        return errorType;
    }

    /** The error JSON to answer with, as the container sent it. */
    public String json() {
        return json;
    }

    /** The type's simple name, as the REPORT line shows a Throwable's. */
    String simpleType() {
        return errorType.substring(errorType.lastIndexOf('.') + 1).replace('$', '.');
    }

    @Override
    public String toString() {
        return errorType + (getMessage() == null ? "" : ": " + getMessage());
    }

    @Override
    public void printStackTrace(PrintStream out) {
        PrintWriter writer = new PrintWriter(out, true);
        printStackTrace(writer);
    }

    @Override
    public void printStackTrace(PrintWriter out) {
        out.println(this);
        trace.forEach(line -> out.println("\tat " + line));
        out.flush();
    }
}
