package app.realmoments.aws;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the SQS client of a function, once per container. */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient create(AwsClients aws) {
        var builder = SqsClient.builder()
                .region(aws.region())
                .credentialsProvider(aws.credentials())
                .httpClient(aws.http())
                .overrideConfiguration(aws.overrides());
        if (aws.customEndpoint()) {
            builder.endpointOverride(aws.endpoint());
        }
        return builder.build();
    }
}
