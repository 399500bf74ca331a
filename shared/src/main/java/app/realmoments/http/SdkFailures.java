package app.realmoments.http;

import app.realmoments.error.Problem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * What a failure of an AWS call means to the caller once the SDK's own retries are spent: a throttled
 * table, queue or topic is a 429 the client may try again, not our 500. Loaded only for an exception of
 * the SDK's (HttpApi checks the class name first), so a function without the SDK never loads it.
 */
final class SdkFailures {

    private SdkFailures() {
    }

    /** The problem to answer, or null when the failure is ours (a 500). */
    static Problem problem(RuntimeException failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof AwsServiceException service && (service.isThrottlingException()
                    || "RequestLimitExceeded".equals(errorCode(service)))) {
                return Problem.throttled("the service is busy: try again in a moment", 1);
            }
        }
        return null;
    }

    private static String errorCode(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }
}
