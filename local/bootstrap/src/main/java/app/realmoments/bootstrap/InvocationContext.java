package app.realmoments.bootstrap;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The Context handed to a handler: Lambda's values for the function and for this invocation. */
public final class InvocationContext implements Context {

    /** What every invocation of a function shares: Lambda's AWS_LAMBDA_* values. */
    public record Function(String name, String version, int memoryMb, String logGroup, String logStream) {

        /** From the variables Lambda sets for a function (a container's environment). */
        public static Function of(Map<String, String> variables) {
            String memory = variables.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE");
            return new Function(variables.get("AWS_LAMBDA_FUNCTION_NAME"),
                    variables.getOrDefault("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                    memory == null ? 128 : Integer.parseInt(memory.trim()),
                    variables.get("AWS_LAMBDA_LOG_GROUP_NAME"), variables.get("AWS_LAMBDA_LOG_STREAM_NAME"));
        }
    }

    private static final LambdaLogger LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
            write(message);
        }

        @Override
        public void log(byte[] message) {
            write(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            write(level == null || level == LogLevel.UNDEFINED ? message : "[" + level + "] " + message);
        }

        private void write(String message) {
            if (message == null) {
                message = "null";
            }
            // System.out read each time: the in-process runtime may have relabelled the console since.
            if (message.endsWith("\n")) {
                System.out.print(message);
            } else {
                System.out.println(message);
            }
        }
    };

    private final Function function;
    private final String requestId;
    private final String arn;
    private final long deadlineEpochMs;

    public InvocationContext(Function function, String requestId, String arn, long deadlineEpochMs) {
        this.function = function;
        this.requestId = requestId;
        this.arn = arn;
        this.deadlineEpochMs = deadlineEpochMs;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return function.logGroup();
    }

    @Override
    public String getLogStreamName() {
        return function.logStream();
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return function.version();
    }

    @Override
    public String getInvokedFunctionArn() {
        return arn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        long left = deadlineEpochMs - System.currentTimeMillis();
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return LOGGER;
    }
}
