package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.aws.BatchWrites;
import app.realmoments.notify.Inbox;
import app.realmoments.notify.InboxItem;
import app.realmoments.outbox.NotificationType;
import app.realmoments.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The inbox in the notifications table: {@code USER#id / N#{notificationId}} plus a {@code READ} marker.
 * Every item is written on the condition that it does not exist yet, which is what makes a redelivered
 * job write and push nothing: one item alone with a conditional PutItem, many together in
 * TransactWriteItems of up to 100 conditional Puts (BatchWriteItem cannot carry a condition). A
 * transaction that a condition cancels is sent again without the items that already existed.
 *
 * <p>Each call marks what it writes with its own {@code writtenBy} token, and a failed condition answers
 * with the stored item: a retry of a write whose answer was lost finds its own token, so the item counts as
 * added and its push still goes out, while a redelivered job finds another call's token and pushes nothing.
 */
public final class DynamoInbox implements Inbox {

    /** Inbox items expire by TTL after this long. */
    public static final Duration RETENTION = Duration.ofDays(30);
    /** DynamoDB's limit of actions in one transaction. */
    static final int TRANSACTION = 100;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoInbox(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Set<String> addAll(List<InboxItem> items, Instant notifiedAt) {
        Map<Map<String, AttributeValue>, InboxItem> byKey = new LinkedHashMap<>();
        items.forEach(item -> byKey.putIfAbsent(keyOf(item), item)); // a transaction may name an item once
        List<InboxItem> unique = List.copyOf(byKey.values());
        String token = UUID.randomUUID().toString();
        Set<String> added = new LinkedHashSet<>();
        if (unique.size() == 1) {
            if (put(unique.getFirst(), notifiedAt, token)) {
                added.add(unique.getFirst().notificationId());
            }
            return added;
        }
        for (int from = 0; from < unique.size(); from += TRANSACTION) {
            added.addAll(transact(unique.subList(from, Math.min(unique.size(), from + TRANSACTION)), notifiedAt, token));
        }
        return added;
    }

    /** One transaction of conditional Puts, sent again without the items that existed, or after a conflict. */
    private Set<String> transact(List<InboxItem> chunk, Instant notifiedAt, String token) {
        List<InboxItem> pending = chunk;
        Set<String> ours = new LinkedHashSet<>(); // written by an earlier try of this call whose answer was lost
        for (int attempt = 1; ; attempt++) {
            if (pending.size() == 1) {
                if (put(pending.getFirst(), notifiedAt, token)) {
                    ours.add(pending.getFirst().notificationId());
                }
                return ours;
            }
            List<InboxItem> sending = pending;
            List<TransactWriteItem> puts = sending.stream().map(item -> TransactWriteItem.builder()
                    .put(p -> p.tableName(table).item(itemOf(item, notifiedAt, token))
                            .conditionExpression("attribute_not_exists(pk)")
                            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build()).toList();
            try {
                dynamo.transactWriteItems(r -> r.transactItems(puts));
                sending.forEach(item -> ours.add(item.notificationId()));
                return ours;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
                if (reasons.size() != sending.size() || attempt >= BatchWrites.ATTEMPTS) {
                    throw cancelled;
                }
                List<InboxItem> again = new ArrayList<>();
                boolean contended = false;
                for (int i = 0; i < sending.size(); i++) {
                    String code = reasons.get(i).code();
                    if ("ConditionalCheckFailed".equals(code)) {
                        if (writtenBy(reasons.get(i).item(), token)) {
                            ours.add(sending.get(i).notificationId());
                        }
                        continue; // already in the inbox: ours from a lost answer, or a redelivery's
                    }
                    contended |= code != null && !"None".equals(code); // a conflict or throttling: wait first
                    again.add(sending.get(i));
                }
                if (again.isEmpty()) {
                    return ours;
                }
                if (contended) {
                    Backoff.STANDARD.pause(attempt);
                }
                pending = again;
            }
        }
    }

    private boolean put(InboxItem item, Instant notifiedAt, String token) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(itemOf(item, notifiedAt, token))
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException duplicate) {
            return writtenBy(duplicate.item(), token);
        }
    }

    private static boolean writtenBy(Map<String, AttributeValue> stored, String token) {
        return stored != null && token.equals(str(stored, "writtenBy"));
    }

    @Override
    public Optional<Instant> notifiedAt(String userId, String notificationId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + userId, "N#" + notificationId))
                .projectionExpression("notifiedAt, createdAt")).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant at = instant(item, "notifiedAt");
        return Optional.ofNullable(at != null ? at : instant(item, "createdAt")); // items written before notifiedAt
    }

    private static Map<String, AttributeValue> keyOf(InboxItem item) {
        return key("USER#" + item.recipientId(), "N#" + item.notificationId());
    }

    private static Map<String, AttributeValue> itemOf(InboxItem item, Instant notifiedAt, String token) {
        Map<String, AttributeValue> value = new HashMap<>(keyOf(item));
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
        value.put("notifiedAt", time(notifiedAt));
        value.put("expiresAt", n(item.createdAt().plus(RETENTION).getEpochSecond()));
        value.put("writtenBy", s(token));
        return value;
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
