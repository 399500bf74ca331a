package app.realmoments.report.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.report.ContentFlags;
import app.realmoments.report.Target;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code hidden} on the content's own item, where every read of it finds it with no extra call: the
 * moment item (moments table), the comment item ({@code MOMENT#m / COMMENT#c}, interactions table), the
 * profile ({@code USER#u / PROFILE}, users table; with {@code suspendedAt} when suspended). Each update is
 * conditioned on the item existing, so a flag never recreates deleted content.
 */
public final class DynamoContentFlags implements ContentFlags {

    private final DynamoDbClient dynamo;
    private final String usersTable;
    private final String momentsTable;
    private final String interactionsTable;
    private final Clock clock;

    public DynamoContentFlags(DynamoDbClient dynamo, String usersTable, String momentsTable, String interactionsTable,
                              Clock clock) {
        this.dynamo = dynamo;
        this.usersTable = usersTable;
        this.momentsTable = momentsTable;
        this.interactionsTable = interactionsTable;
        this.clock = clock;
    }

    @Override
    public void hide(Target target) {
        update(target, "SET #hidden = :yes", null, Map.of(":yes", AttributeValue.fromBool(true)));
    }

    @Override
    public void show(Target target) {
        // a suspended person stays hidden: only moderation's suspension put suspendedAt there
        update(target, "REMOVE #hidden", switch (target.type()) {
            case USER -> "attribute_not_exists(suspendedAt)";
            default -> null;
        }, null);
    }

    @Override
    public void suspend(String userId) {
        update(Target.user(userId), "SET #hidden = :yes, suspendedAt = if_not_exists(suspendedAt, :now)", null,
                Map.of(":yes", AttributeValue.fromBool(true), ":now", time(clock.instant())));
    }

    private void update(Target target, String expression, String condition, Map<String, AttributeValue> values) {
        String table;
        Map<String, AttributeValue> key;
        String exists;
        switch (target.type()) {
            case MOMENT -> {
                table = momentsTable;
                key = Map.of("momentId", s(target.id()));
                exists = "attribute_exists(momentId)";
            }
            case COMMENT -> {
                table = interactionsTable;
                key = key("MOMENT#" + target.momentId(), "COMMENT#" + target.id());
                exists = "attribute_exists(pk)";
            }
            default -> {
                table = usersTable;
                key = key("USER#" + target.id(), "PROFILE");
                exists = "attribute_exists(pk)";
            }
        }
        String conditionExpression = condition == null ? exists : exists + " AND " + condition;
        try {
            dynamo.updateItem(r -> {
                r.tableName(table).key(key).updateExpression(expression).conditionExpression(conditionExpression)
                        .expressionAttributeNames(Map.of("#hidden", "hidden"));
                if (values != null) {
                    r.expressionAttributeValues(values);
                }
            });
        } catch (ConditionalCheckFailedException gone) {
            // the content is gone (nothing to flag), or a suspended person is being shown: stays hidden
        }
    }
}
