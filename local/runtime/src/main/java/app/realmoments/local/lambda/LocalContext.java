package app.realmoments.local.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;

/** The Context handed to a handler: Lambda's values for this function and this invocation. */
final class LocalContext implements Context {

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
            // Read System.out each time: the console may have been relabelled since.
            if (message.endsWith("\n")) {
                System.out.print(message);
            } else {
                System.out.println(message);
            }
        }
    };

    private final FunctionSpec spec;
    private final String requestId;
    private final String arn;
    private final long deadlineNanos;

    LocalContext(FunctionSpec spec, String requestId, String arn, long deadlineNanos) {
        this.spec = spec;
        this.requestId = requestId;
        this.arn = arn;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + spec.functionName();
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + spec.logicalId();
    }

    @Override
    public String getFunctionName() {
        return spec.functionName();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
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
        long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    @Override
    public int getMemoryLimitInMB() {
        return spec.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return LOGGER;
    }
}
