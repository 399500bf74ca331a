package app.realmoments.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Reads many items of one table: 100 keys per BatchGetItem, unprocessed keys asked again. */
public final class BatchGet {

    private static final int MAX_KEYS = 100;

    private BatchGet() {
    }

    /** The items that exist among {@code ids}, each read once, in no particular order. */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, List<String> ids,
                                                          Function<String, Map<String, AttributeValue>> keyOf) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        List<String> distinct = ids.stream().distinct().toList();
        for (int start = 0; start < distinct.size(); start += MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = distinct.subList(start, Math.min(distinct.size(), start + MAX_KEYS))
                    .stream().map(keyOf).toList();
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
            while (!request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.unprocessedKeys();
            }
        }
        return found;
    }
}
