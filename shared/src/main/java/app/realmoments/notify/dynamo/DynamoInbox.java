package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.notify.Inbox;
import app.realmoments.notify.InboxItem;
import app.realmoments.outbox.NotificationType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** The inbox in the notifications table: {@code USER#id / N#{notificationId}} plus a {@code READ} marker. */
public final class DynamoInbox implements Inbox {

    /** Inbox items expire by TTL after this long. */
    public static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean add(InboxItem item) {
        Map<String, AttributeValue> value = new HashMap<>(key("USER#" + item.recipientId(), "N#" + item.notificationId()));
        value.put("notificationId", s(item.notificationId()));
        value.put("type", s(item.type().wire()));
        if (item.actorId() != null) {
            value.put("actorId", s(item.actorId()));
        }
        if (item.momentId() != null) {
            value.put("momentId", s(item.momentId()));
        }
        if (item.reason() != null) {
            value.put("reason", s(item.reason()));
        }
        value.put("createdAt", time(item.createdAt()));
        value.put("expiresAt", n(item.createdAt().plus(RETENTION).getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(value).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return false;
        }
    }

    @Override
    public Slice page(String userId, int limit, Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :n)")
                .expressionAttributeValues(Map.of(":pk", s("USER#" + userId), ":n", s("N#")))
                .scanIndexForward(false)
                .limit(limit);
        if (position != null) {
            query.exclusiveStartKey(key("USER#" + userId, "N#" + position.get("after")));
        }
        QueryResponse response = dynamo.query(query.build());
        List<InboxItem> items = response.items().stream().map(item -> new InboxItem(userId, str(item, "notificationId"),
                NotificationType.fromWire(str(item, "type")), str(item, "actorId"), str(item, "momentId"),
                str(item, "reason"), instant(item, "createdAt"))).toList();
        Map<String, String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !items.isEmpty()
                ? Map.of("after", items.getLast().notificationId()) : null;
        return new Slice(items, next);
    }

    @Override
    public String readUpTo(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + userId, "READ"))).item();
        return item == null || item.isEmpty() ? null : str(item, "upTo");
    }

    @Override
    public void markRead(String userId, String upTo) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key("USER#" + userId, "READ"))
                    .updateExpression("SET upTo = :upTo")
                    .conditionExpression("attribute_not_exists(upTo) OR upTo < :upTo")
                    .expressionAttributeValues(Map.of(":upTo", s(upTo))));
        } catch (ConditionalCheckFailedException alreadyFurther) {
            // the marker only moves forward
        }
    }

    @Override
    public int unreadCount(String userId, String readUpTo, int cap) {
        String after = "N#" + (readUpTo == null ? "" : readUpTo);
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND sk BETWEEN :after AND :last")
                    .expressionAttributeValues(Map.of(":pk", s("USER#" + userId), ":after", s(after + "\u0000"),
                            ":last", s("N#\uffff")))
                    .select(Select.COUNT)
                    .limit(cap);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && count < cap);
        return Math.min(count, cap);
    }
}
