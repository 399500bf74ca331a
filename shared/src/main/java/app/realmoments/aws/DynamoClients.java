package app.realmoments.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the DynamoDB client of a function, once per container. */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static DynamoDbClient create(AwsClients aws) {
        var builder = DynamoDbClient.builder()
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
