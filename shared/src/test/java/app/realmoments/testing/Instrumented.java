package app.realmoments.testing;

import app.realmoments.aws.AwsClients;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** AWS clients like the functions' own (any service), with test interceptors added: counters, throttles. */
public final class Instrumented {

    private Instrumented() {
    }

    /** e.g. {@code Instrumented.client(aws, DynamoDbClient.builder(), calls)}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            AwsClients aws, B builder, ExecutionInterceptor... interceptors) {
        var overrides = aws.overrides().toBuilder();
        for (ExecutionInterceptor interceptor : interceptors) {
            overrides.addExecutionInterceptor(interceptor);
        }
        return aws.configure(builder).overrideConfiguration(overrides.build()).build();
    }
}
