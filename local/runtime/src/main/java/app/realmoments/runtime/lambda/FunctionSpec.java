package app.realmoments.runtime.lambda;

import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Template;
import app.realmoments.emulator.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One AWS::Serverless::Function as the runtime needs it, Globals merged and intrinsics resolved.
 *
 * @param events each entry of Events: its Type, its resolved Properties and its unresolved ones
 *               (to see which resource an ApiId or Stream names)
 * @param async  its EventInvokeConfig: how asynchronous invocations (S3's) are retried, and where
 *               the ones that still fail go
 */
public record FunctionSpec(String logicalId, String functionName, String codeUri, String handler, String runtime,
                           int memoryMb, int timeoutSeconds, String logFormat, Map<String, String> environment,
                           Map<String, EventSource> events, AsyncInvoke async) {

    public record EventSource(String name, String type, Map<String, Object> properties, Map<String, Object> raw) {
    }

    /**
     * @param retries   MaximumRetryAttempts (0-2; Lambda's default 2)
     * @param onFailure the ARN of DestinationConfig.OnFailure.Destination, or null (the event is dropped)
     */
    public record AsyncInvoke(int retries, String onFailure) {
        public static final AsyncInvoke DEFAULT = new AsyncInvoke(2, null);
    }

    /** Without an EventInvokeConfig (Lambda's defaults). */
    public FunctionSpec(String logicalId, String functionName, String codeUri, String handler, String runtime,
                        int memoryMb, int timeoutSeconds, String logFormat, Map<String, String> environment,
                        Map<String, EventSource> events) {
        this(logicalId, functionName, codeUri, handler, runtime, memoryMb, timeoutSeconds, logFormat, environment,
                events, AsyncInvoke.DEFAULT);
    }

    @SuppressWarnings("unchecked")
    public static FunctionSpec of(Template.Resource resource, Intrinsics intrinsics, String functionName) {
        Map<String, Object> p = resource.properties();
        String id = resource.logicalId();
        Object codeUri = intrinsics.resolve(p.get("CodeUri"));
        if (!(codeUri instanceof String code)) {
            throw new TemplateException("function " + id + ": CodeUri must be a local path (the built jar), got " + codeUri);
        }
        String handler = intrinsics.string(p.get("Handler"));
        if (handler == null) {
            throw new TemplateException("function " + id + " has no Handler");
        }
        Map<String, String> environment = new LinkedHashMap<>();
        Object env = intrinsics.resolve(p.get("Environment"));
        if (env instanceof Map<?, ?> envMap && envMap.get("Variables") instanceof Map<?, ?> variables) {
            variables.forEach((k, v) -> environment.put(String.valueOf(k), intrinsics.string(v)));
        }
        Map<String, EventSource> events = new LinkedHashMap<>();
        if (p.get("Events") instanceof Map<?, ?> rawEvents) {
            rawEvents.forEach((name, body) -> {
                Map<String, Object> event = (Map<String, Object>) body;
                Map<String, Object> raw = event.get("Properties") instanceof Map<?, ?> m
                        ? (Map<String, Object>) m : Map.of();
                events.put(String.valueOf(name), new EventSource(String.valueOf(name), String.valueOf(event.get("Type")),
                        (Map<String, Object>) intrinsics.resolve(raw), raw));
            });
        }
        String logFormat = null;
        if (intrinsics.resolve(p.get("LoggingConfig")) instanceof Map<?, ?> logging && logging.get("LogFormat") != null) {
            logFormat = String.valueOf(logging.get("LogFormat"));
        }
        return new FunctionSpec(id, functionName, code, handler,
                p.get("Runtime") == null ? "java25" : intrinsics.string(p.get("Runtime")),
                integer(intrinsics.string(p.get("MemorySize")), 128),
                integer(intrinsics.string(p.get("Timeout")), 3),
                logFormat, Map.copyOf(environment), events, asyncInvoke(intrinsics.resolve(p.get("EventInvokeConfig"))));
    }

    private static AsyncInvoke asyncInvoke(Object config) {
        if (!(config instanceof Map<?, ?> map)) {
            return AsyncInvoke.DEFAULT;
        }
        int retries = map.get("MaximumRetryAttempts") == null ? 2
                : Integer.parseInt(String.valueOf(map.get("MaximumRetryAttempts")).trim());
        return new AsyncInvoke(retries, onFailure(map.get("DestinationConfig")));
    }

    /** The destination ARN of a (resolved) DestinationConfig's OnFailure, or null. */
    public static String onFailure(Object destinationConfig) {
        return destinationConfig instanceof Map<?, ?> destinations
                && destinations.get("OnFailure") instanceof Map<?, ?> failure && failure.get("Destination") != null
                ? String.valueOf(failure.get("Destination")) : null;
    }

    private static int integer(String value, int fallback) {
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    /**
     * The variables Lambda itself sets for this function: its name, memory, version, log group and
     * stream, handler and runtime (the container's Context is made of them).
     */
    public Map<String, String> lambdaVariables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(memoryMb));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + functionName);
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local/[$LATEST]" + logicalId);
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + runtime);
        if (logFormat != null) {
            env.put("AWS_LAMBDA_LOG_FORMAT", logFormat);
        }
        env.put("_HANDLER", handler);
        return env;
    }

    public String handlerClass() {
        int split = handler.indexOf("::");
        return split < 0 ? handler : handler.substring(0, split);
    }

    /** "handleRequest" when the Handler names only a class (a RequestHandler), as Lambda assumes. */
    public String handlerMethod() {
        int split = handler.indexOf("::");
        return split < 0 ? "handleRequest" : handler.substring(split + 2);
    }
}
