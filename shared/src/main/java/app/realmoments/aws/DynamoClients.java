package app.realmoments.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the DynamoDB client of a function, once per container. */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static DynamoDbClient create(AwsClients aws) {
        return aws.configure(DynamoDbClient.builder()).build();
    }
}
