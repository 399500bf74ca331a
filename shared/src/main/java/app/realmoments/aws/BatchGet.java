package app.realmoments.aws;

import app.realmoments.error.Problem;
import app.realmoments.retry.Backoff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Reads many items of one or several tables: 100 keys per BatchGetItem request, whatever their tables,
 * unprocessed keys (throttling) asked again after a jittered, growing pause, up to
 * {@link BatchWrites#ATTEMPTS} times (a retry of the same logical call).
 */
public final class BatchGet {

    private static final int MAX_KEYS = 100;

    private BatchGet() {
    }

    /** The items that exist among {@code ids}, each read once, in no particular order. */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table, List<String> ids,
                                                          Function<String, Map<String, AttributeValue>> keyOf) {
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(keyOf).toList();
        return items(dynamo, Map.of(table, keys)).get(table);
    }

    /**
     * The items that exist among the keys of several tables, read together: one BatchGetItem request
     * (plus retries of its unprocessed keys) for every 100 distinct keys, all tables counted together.
     * Returns table -> found items, in no particular order; every asked table is present.
     */
    public static Map<String, List<Map<String, AttributeValue>>> items(
            DynamoDbClient dynamo, Map<String, ? extends Collection<Map<String, AttributeValue>>> keysByTable) {
        return items(dynamo, keysByTable, false);
    }

    /** The items that exist among {@code keys} of one table, read strongly consistent if asked. */
    public static List<Map<String, AttributeValue>> items(DynamoDbClient dynamo, String table,
                                                          Collection<Map<String, AttributeValue>> keys,
                                                          boolean consistentRead) {
        return items(dynamo, Map.of(table, keys), consistentRead).get(table);
    }

    private static Map<String, List<Map<String, AttributeValue>>> items(
            DynamoDbClient dynamo, Map<String, ? extends Collection<Map<String, AttributeValue>>> keysByTable,
            boolean consistentRead) {
        Map<String, List<Map<String, AttributeValue>>> found = new HashMap<>();
        List<Map.Entry<String, Map<String, AttributeValue>>> all = new ArrayList<>();
        keysByTable.forEach((table, keys) -> {
            found.put(table, new ArrayList<>());
            new LinkedHashSet<>(keys).forEach(key -> all.add(Map.entry(table, key)));
        });
        for (int start = 0; start < all.size(); start += MAX_KEYS) {
            Map<String, List<Map<String, AttributeValue>>> chunk = new LinkedHashMap<>();
            for (var entry : all.subList(start, Math.min(all.size(), start + MAX_KEYS))) {
                chunk.computeIfAbsent(entry.getKey(), t -> new ArrayList<>()).add(entry.getValue());
            }
            Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
            chunk.forEach((table, keys) -> request.put(table,
                    KeysAndAttributes.builder().keys(keys).consistentRead(consistentRead).build()));
            Map<String, KeysAndAttributes> pending = request;
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 1) {
                    Backoff.STANDARD.pause(attempt - 1);
                }
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
                response.responses().forEach((table, items) ->
                        found.computeIfAbsent(table, t -> new ArrayList<>()).addAll(items));
                pending = response.unprocessedKeys();
                if (!pending.isEmpty() && attempt >= BatchWrites.ATTEMPTS) {
                    throw Problem.throttled("keys still unprocessed after " + BatchWrites.ATTEMPTS + " attempts", 1);
                }
            }
        }
        return found;
    }
}
