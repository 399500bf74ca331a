package app.realmoments.export.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.num;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.export.Export;
import app.realmoments.export.ExportStatus;
import app.realmoments.export.ExportStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Export items in the users table: {@code USER#{userId} / EXPORT#{exportId}}, removed by TTL at
 * {@code expiresAt} (epoch seconds). Reads are consistent: the exporter reads what the API just wrote.
 */
public final class DynamoExportStore implements ExportStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoExportStore(DynamoDbClient dynamo, String usersTable) {
        this.dynamo = dynamo;
        this.table = usersTable;
    }

    static Map<String, AttributeValue> keyOf(String userId, String exportId) {
        return key("USER#" + userId, "EXPORT#" + exportId);
    }

    @Override
    public void create(Export export) {
        Map<String, AttributeValue> item = new HashMap<>(keyOf(export.userId(), export.exportId()));
        item.put("userId", s(export.userId()));
        item.put("exportId", s(export.exportId()));
        item.put("status", s(export.status().wire()));
        item.put("createdAt", time(export.createdAt()));
        item.put("expiresAt", n(export.expiresAt().getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Export> find(String userId, String exportId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(keyOf(userId, exportId))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Long expires = num(item, "expiresAt");
        return Optional.of(new Export(str(item, "userId"), str(item, "exportId"), ExportStatus.fromWire(str(item, "status")),
                instant(item, "createdAt"), instant(item, "readyAt"),
                expires == null ? Instant.EPOCH : Instant.ofEpochSecond(expires)));
    }

    @Override
    public boolean markReady(String userId, String exportId, Instant readyAt) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(keyOf(userId, exportId))
                    .updateExpression("SET #status = :ready, readyAt = :at")
                    .conditionExpression("attribute_exists(pk) AND #status = :preparing")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":ready", s(ExportStatus.READY.wire()),
                            ":preparing", s(ExportStatus.PREPARING.wire()), ":at", time(readyAt))));
            return true;
        } catch (ConditionalCheckFailedException notPreparing) {
            return false;
        }
    }

    @Override
    public void delete(String userId, String exportId) {
        dynamo.deleteItem(r -> r.tableName(table).key(keyOf(userId, exportId)));
    }
}
