package app.realmoments.aws;

import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the SNS client of a function, once per container. */
public final class SnsClients {

    private SnsClients() {
    }

    public static SnsClient create(AwsClients aws) {
        return aws.configure(SnsClient.builder()).build();
    }
}
