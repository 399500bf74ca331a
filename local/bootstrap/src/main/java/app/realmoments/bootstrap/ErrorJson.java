package app.realmoments.bootstrap;

/**
 * Lambda's answer for a failed invocation: {@code {"errorMessage", "errorType", "stackTrace"}} (and
 * {@code cause} when there is one). Written by hand: the bootstrap loads no JSON library for it.
 */
public final class ErrorJson {

    private ErrorJson() {
    }

    public static String of(Throwable error) {
        StringBuilder json = new StringBuilder(512).append("{\"errorMessage\":");
        string(json, String.valueOf(error.getMessage())).append(",\"errorType\":");
        string(json, error.getClass().getName()).append(",\"stackTrace\":[");
        StackTraceElement[] trace = error.getStackTrace();
        for (int i = 0; i < trace.length; i++) {
            string(i == 0 ? json : json.append(','), trace[i].toString());
        }
        json.append(']');
        if (error.getCause() != null && error.getCause() != error) {
            string(json.append(",\"cause\":"), error.getCause().toString());
        }
        return json.append('}').toString();
    }

    /** Appends the text as a JSON string. */
    static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c)); // control characters, newlines included
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }
}
