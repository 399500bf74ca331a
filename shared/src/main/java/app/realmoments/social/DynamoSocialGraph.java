package app.realmoments.social;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The social graph in the users table, one item per direction:
 * {@code USER#a / FRIEND#b}, {@code USER#a / BLOCK#b} (a blocked b) and {@code USER#b / BLOCKED_BY#a}.
 */
public final class DynamoSocialGraph implements SocialGraph {

    static final int FRIEND_PAGE = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSocialGraph(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean areFriends(String a, String b) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + a, "FRIEND#" + b))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public boolean blockedEitherWay(String a, String b) {
        List<Map<String, AttributeValue>> keys = List.of(key("USER#" + a, "BLOCK#" + b), key("USER#" + b, "BLOCK#" + a));
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        while (!request.isEmpty()) {
            Map<String, KeysAndAttributes> pending = request;
            var response = dynamo.batchGetItem(r -> r.requestItems(pending));
            if (!response.responses().getOrDefault(table, List.of()).isEmpty()) {
                return true;
            }
            request = response.unprocessedKeys();
        }
        return false;
    }

    @Override
    public void forEachFriendPage(String userId, Consumer<Set<String>> page) {
        queryPrefix(userId, "FRIEND#", FRIEND_PAGE, page);
    }

    @Override
    public Set<String> blockedEitherWay(String userId) {
        Set<String> users = new HashSet<>();
        queryPrefix(userId, "BLOCK#", 500, users::addAll);
        queryPrefix(userId, "BLOCKED_BY#", 500, users::addAll);
        return users;
    }

    private void queryPrefix(String userId, String prefix, int pageSize, Consumer<Set<String>> page) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s("USER#" + userId), ":prefix", s(prefix)))
                    .projectionExpression("sk")
                    .limit(pageSize);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            Set<String> ids = new LinkedHashSet<>();
            response.items().forEach(item -> ids.add(item.get("sk").s().substring(prefix.length())));
            if (!ids.isEmpty()) {
                page.accept(ids);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }
}
