package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.num;

import app.realmoments.notify.PushGrouping;
import app.realmoments.outbox.NotificationType;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The push window of a moment in the notifications table: {@code USER#r / PUSH#momentId} with
 * windowEndsAt, held (reactions not pushed in it) and expiresAt. Opening a window is a conditional
 * update, so of two reactions racing exactly one pushes.
 */
public final class DynamoPushGrouping implements PushGrouping {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPushGrouping(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Decision claim(String recipientId, NotificationType kind, String momentId, Instant at) {
        // reactions keep the key they always had; comments get a window of their own
        var itemKey = key("USER#" + recipientId, kind == NotificationType.REACTION ? "PUSH#" + momentId
                : "PUSH#" + kind.wire() + "#" + momentId);
        long now = at.getEpochSecond();
        try {
            var old = dynamo.updateItem(r -> r.tableName(table).key(itemKey)
                    .updateExpression("SET windowEndsAt = :end, held = :zero, expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(pk) OR windowEndsAt <= :now")
                    .expressionAttributeValues(Map.of(":end", n(now + WINDOW.toSeconds()), ":zero", n(0),
                            ":now", n(now), ":expires", n(now + 2 * WINDOW.toSeconds() + 86_400)))
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            Long held = old == null ? null : num(old, "held");
            return new Decision(true, held == null ? 0 : held);
        } catch (ConditionalCheckFailedException windowOpen) {
            dynamo.updateItem(r -> r.tableName(table).key(itemKey)
                    .updateExpression("ADD held :one")
                    .expressionAttributeValues(Map.of(":one", n(1))));
            return new Decision(false, 0);
        }
    }
}
