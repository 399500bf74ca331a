package app.realmoments.quota.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;

import app.realmoments.quota.QuotaCounter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Quota counters in the caller's partition of the users table: {@code USER#u / QUOTA#{rate}#{window start,
 * epoch seconds}} with {@code used} and a TTL an hour after the window, so counters clean themselves up
 * and an erased user's partition takes them along. One UpdateItem per use: {@code ADD used 1} on the
 * condition that fewer than the limit were counted.
 */
public final class DynamoQuotaCounter implements QuotaCounter {

    private static final Duration KEPT_AFTER = Duration.ofHours(1);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoQuotaCounter(DynamoDbClient dynamo, String usersTable) {
        this.dynamo = dynamo;
        this.table = usersTable;
    }

    @Override
    public boolean take(String userId, String rate, Instant start, Instant end, int limit) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key("USER#" + userId, "QUOTA#" + rate + "#" + start.getEpochSecond()))
                    .updateExpression("ADD used :one SET expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(used) OR used < :limit")
                    .expressionAttributeValues(Map.of(":one", n(1), ":limit", n(limit),
                            ":expires", n(end.plus(KEPT_AFTER).getEpochSecond()))));
            return true;
        } catch (ConditionalCheckFailedException spent) {
            return false;
        }
    }
}
