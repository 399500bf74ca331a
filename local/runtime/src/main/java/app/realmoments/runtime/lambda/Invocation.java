package app.realmoments.runtime.lambda;

/**
 * One run of a function.
 *
 * @param response the handler's result serialized as Lambda does (JSON), or Lambda's error JSON
 *                 ({@code errorMessage, errorType, stackTrace}) when it failed
 * @param error    null when the handler returned; else what it threw (or the init/timeout failure)
 * @param initMs   the cold start's instance creation time, or -1 on a warm instance
 */
public record Invocation(String function, String requestId, String event, String response, Throwable error,
                         double durationMs, long initMs) {

    public boolean failed() {
        return error != null;
    }

    public boolean coldStart() {
        return initMs >= 0;
    }
}
