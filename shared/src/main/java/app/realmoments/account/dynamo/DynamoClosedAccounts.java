package app.realmoments.account.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.num;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;

import app.realmoments.account.ClosedAccounts;
import app.realmoments.id.HmacSha256;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Closed accounts in the users table: {@code CLOSED#{HMAC-SHA256(userId)} / CLOSED} (state, expiresAt, TTL),
 * keyed under the stage's secret with a purpose of its own, so the item names no one to whoever reads the
 * table and cannot be linked to a user id without the key. One consistent GetItem per check (1 read unit).
 */
public final class DynamoClosedAccounts implements ClosedAccounts {

    private static final String PURPOSE = "closed-account\n";
    private static final String SK = "CLOSED";

    private final DynamoDbClient dynamo;
    private final String table;
    /** Every request asks, so the HMAC is made once (per thread). */
    private final HmacSha256 hmac;
    private final Clock clock;

    public DynamoClosedAccounts(DynamoDbClient dynamo, String table, String secret, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("CURSOR_SIGNING_KEY must be at least 32 characters");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.hmac = new HmacSha256(secret);
        this.clock = clock;
    }

    /** The item's partition key: no user id in it. */
    public String pk(String userId) {
        return "CLOSED#" + HexFormat.of().formatHex(hmac.of(PURPOSE + userId));
    }

    @Override
    public void close(String userId, Instant until) {
        mark(userId, State.DELETING, until);
    }

    @Override
    public void suspend(String userId, Instant until) {
        mark(userId, State.SUSPENDED, until);
    }

    /** The state, unless the item has one already (a deletion is never turned back), until the later time. */
    private void mark(String userId, State state, Instant until) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(pk(userId), SK))
                    .updateExpression("SET #state = if_not_exists(#state, :state), expiresAt = :until")
                    .conditionExpression("attribute_not_exists(expiresAt) OR expiresAt < :until")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":state", s(state.name()), ":until", n(until.getEpochSecond()))));
        } catch (ConditionalCheckFailedException alreadyLonger) {
            // closed already, until later
        }
    }

    @Override
    public void markErased(String userId, Instant until) {
        dynamo.updateItem(r -> r.tableName(table).key(key(pk(userId), SK))
                .updateExpression("SET #state = :erased, expiresAt = :until")
                .expressionAttributeNames(Map.of("#state", "state"))
                .expressionAttributeValues(Map.of(":erased", s(State.ERASED.name()), ":until", n(until.getEpochSecond()))));
    }

    @Override
    public State state(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(pk(userId), SK)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return State.OPEN;
        }
        Long expiresAt = num(item, "expiresAt");
        // TTL deletes within days, not at the second: an expired item is no longer a closure
        if (expiresAt != null && expiresAt <= clock.instant().getEpochSecond()) {
            return State.OPEN;
        }
        return State.valueOf(str(item, "state"));
    }
}
