package app.realmoments.aws;

import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the SQS client of a function, once per container. */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient create(AwsClients aws) {
        return aws.configure(SqsClient.builder()).build();
    }
}
