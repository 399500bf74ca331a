package app.realmoments.aws;

import app.realmoments.snap.Priming;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds the DynamoDB client of a function, once per container. */
public final class DynamoClients {

    private DynamoClients() {
    }

    public static DynamoDbClient create(AwsClients aws) {
        if (Priming.enabled()) {
            Priming.register("DynamoDB", () -> prime(aws));
        }
        return aws.configure(DynamoDbClient.builder()).build();
    }

    /** The calls the functions make, against a client that sends nothing (no table is read or written). */
    static void prime(AwsClients aws) {
        try (DynamoDbClient dynamo = aws.forPriming("{}", "application/x-amz-json-1.0").configure(DynamoDbClient.builder())
                .build()) {
            Map<String, AttributeValue> key = Attrs.key("priming", "priming");
            dynamo.getItem(r -> r.tableName("priming").key(key).consistentRead(true));
            dynamo.query(r -> r.tableName("priming").keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", Attrs.s("priming"))).limit(1));
            dynamo.putItem(r -> r.tableName("priming").item(key).conditionExpression("attribute_not_exists(pk)"));
            dynamo.updateItem(r -> r.tableName("priming").key(key).updateExpression("SET v = :v")
                    .expressionAttributeValues(Map.of(":v", Attrs.n(1))));
            dynamo.deleteItem(r -> r.tableName("priming").key(key));
            dynamo.batchGetItem(r -> r.requestItems(Map.of("priming",
                    software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(key).build())));
            dynamo.transactWriteItems(r -> r.transactItems(t -> t.put(p -> p.tableName("priming").item(key)
                    .conditionExpression("attribute_not_exists(pk)"))));
            dynamo.batchWriteItem(r -> r.requestItems(Map.of("priming", java.util.List.of(
                    software.amazon.awssdk.services.dynamodb.model.WriteRequest.builder().putRequest(p -> p.item(key)).build()))));
        }
    }
}
