package app.realmoments.report.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.report.Case;
import app.realmoments.report.Report;
import app.realmoments.report.ReportErasureStore;
import app.realmoments.report.Target;
import app.realmoments.report.TargetType;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link ReportErasureStore} on the moderation table and the reporters' edges in the users table. The
 * reports a user filed come from their {@code REPORTED#} edges (one Query of their partition, which the walk
 * reads anyway); the reports and audit entries of a target from the sparse index {@code ByTarget}
 * (targetId, pk: a report's pk begins with {@code REPORT#}, an audit entry's is {@code AUDIT}); the cases of
 * a user's content from the sparse index {@code ByAuthor} (authorId, pk; keys only), which a case leaves
 * when erasure removes its authorId.
 */
public final class DynamoReportErasureStore implements ReportErasureStore {

    static final String BY_TARGET = "ByTarget";
    static final String BY_AUTHOR = "ByAuthor";
    static final String BY_MODERATOR = "ByModerator";
    private static final String TARGET = "TARGET#";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String usersTable;
    private final DynamoReportStore reports;

    public DynamoReportErasureStore(DynamoDbClient dynamo, String table, String usersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.usersTable = usersTable;
        this.reports = new DynamoReportStore(dynamo, table, usersTable);
    }

    private List<Map<String, AttributeValue>> query(QueryRequest request) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.queryPaginator(request).items().forEach(items::add);
        return items;
    }

    @Override
    public List<String> reportIdsFiledBy(String userId) {
        String prefix = DynamoSocialGraph.reportEdge("");
        return query(QueryRequest.builder().tableName(usersTable).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :edge)")
                .expressionAttributeValues(Map.of(":pk", DynamoSocialGraph.reportsKey(userId).get("pk"), ":edge", s(prefix)))
                .projectionExpression("reportId").build())
                .stream().map(i -> str(i, "reportId")).filter(id -> id != null).toList();
    }

    @Override
    public Optional<Report> report(String reportId) {
        return reports.report(reportId);
    }

    @Override
    public Optional<Case> caseOf(Target target) {
        return reports.caseOf(target);
    }

    @Override
    public List<Report> reportsOf(Target target) {
        return query(QueryRequest.builder().tableName(table).indexName(BY_TARGET)
                .keyConditionExpression("targetId = :id AND begins_with(pk, :report)")
                .filterExpression("targetType = :type")
                .expressionAttributeValues(Map.of(":id", s(target.id()), ":report", s("REPORT#"),
                        ":type", s(target.type().wire()))).build())
                .stream().map(DynamoReportStore::reportOf).toList();
    }

    @Override
    public boolean withdraw(Report report, Withdrawal change) {
        Delete delete = Delete.builder().tableName(table).key(DynamoReportStore.reportKey(report.reportId())).build();
        if (change == null) {
            dynamo.deleteItem(r -> r.tableName(table).key(delete.key()));
            return true;
        }
        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#round", "round"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", s(DynamoReportStore.OPEN));
        values.put(":round", n(change.round()));
        values.put(":before", n(change.reportersBefore()));
        values.put(":reporters", n(change.reporters()));
        String update;
        if (change.close()) {
            values.put(":resolved", s(DynamoReportStore.RESOLVED));
            update = "SET #status = :resolved, reporters = :reporters REMOVE queue, openedAt, firstReportId, reasons";
        } else {
            values.put(":first", s(change.firstReportId()));
            values.put(":opened", time(change.openedAt()));
            update = "SET reporters = :reporters, firstReportId = :first, openedAt = :opened";
            if (change.reasons().isEmpty()) {
                update += " REMOVE reasons";
            } else {
                values.put(":reasons", AttributeValue.fromSs(List.copyOf(change.reasons())));
                update += ", reasons = :reasons";
            }
        }
        Update caseUpdate = Update.builder().tableName(table).key(DynamoReportStore.caseKey(report.target()))
                .conditionExpression("#status = :open AND #round = :round AND reporters = :before")
                .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values).build();
        try {
            dynamo.transactWriteItems(r -> r.transactItems(TransactWriteItem.builder().delete(delete).build(),
                    TransactWriteItem.builder().update(caseUpdate).build()));
            return true;
        } catch (TransactionCanceledException e) {
            boolean retry = e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()) || "TransactionConflict".equals(r.code()));
            if (retry) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<Target> casesAuthoredBy(String userId) {
        return query(QueryRequest.builder().tableName(table).indexName(BY_AUTHOR)
                .keyConditionExpression("authorId = :u").expressionAttributeValues(Map.of(":u", s(userId))).build())
                .stream().map(i -> str(i, "pk")).filter(pk -> pk.startsWith(TARGET)).map(DynamoReportErasureStore::targetOfKey)
                .toList();
    }

    /** {@code TARGET#{type}#{id}}: enough of the target for its case's key. */
    private static Target targetOfKey(String pk) {
        String rest = pk.substring(TARGET.length());
        int hash = rest.indexOf('#');
        return new Target(TargetType.fromWire(rest.substring(0, hash)), rest.substring(hash + 1), null);
    }

    @Override
    public void stripAuthor(Target target, String userId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(DynamoReportStore.caseKey(target))
                    .updateExpression("REMOVE authorId").conditionExpression("authorId = :u")
                    .expressionAttributeValues(Map.of(":u", s(userId))));
        } catch (ConditionalCheckFailedException e) {
            // no longer the user's: stripped already
        }
    }

    @Override
    public Optional<String> placeholderFor(Target userTarget, String candidate) {
        try {
            var response = dynamo.updateItem(r -> r.tableName(table).key(DynamoReportStore.caseKey(userTarget))
                    .updateExpression("SET erasedAs = if_not_exists(erasedAs, :candidate)")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":candidate", s(candidate)))
                    .returnValues(ReturnValue.UPDATED_NEW));
            return Optional.ofNullable(str(response.attributes(), "erasedAs"));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void dropReporterEdge(String reporterId, Target target) {
        try {
            dynamo.updateItem(r -> r.tableName(usersTable).key(DynamoSocialGraph.reportsKey(reporterId))
                    .updateExpression("DELETE refs :ref").conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":ref", AttributeValue.fromSs(List.of(target.ref())))));
        } catch (ConditionalCheckFailedException e) {
            // no list (the reporter's own erasure took it)
        }
        dynamo.deleteItem(r -> r.tableName(usersTable).key(DynamoReportStore.edgeKey(reporterId, target)));
    }

    @Override
    public void retargetReport(String reportId, String placeholder) {
        retarget(DynamoReportStore.reportKey(reportId), placeholder);
    }

    @Override
    public List<String> auditEntriesOf(Target target) {
        return query(QueryRequest.builder().tableName(table).indexName(BY_TARGET)
                .keyConditionExpression("targetId = :id AND pk = :audit").filterExpression("targetType = :type")
                .expressionAttributeValues(Map.of(":id", s(target.id()), ":audit", s(DynamoReportStore.AUDIT),
                        ":type", s(target.type().wire()))).build())
                .stream().map(i -> str(i, "sk")).toList();
    }

    @Override
    public void retargetAudit(String auditId, String placeholder) {
        retarget(key(DynamoReportStore.AUDIT, auditId), placeholder);
    }

    private void retarget(Map<String, AttributeValue> itemKey, String placeholder) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(itemKey).updateExpression("SET targetId = :p")
                    .conditionExpression("attribute_exists(pk)").expressionAttributeValues(Map.of(":p", s(placeholder))));
        } catch (ConditionalCheckFailedException e) {
            // gone meanwhile: nothing names the user there any more
        }
    }

    @Override
    public void moveCase(Target from, String placeholder) {
        Map<String, AttributeValue> old = DynamoReportStore.caseKey(from);
        var item = dynamo.getItem(r -> r.tableName(table).key(old).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return;
        }
        Map<String, AttributeValue> moved = new HashMap<>(item);
        moved.putAll(DynamoReportStore.caseKey(new Target(from.type(), placeholder, null)));
        moved.put("targetId", s(placeholder));
        moved.remove("authorId");
        moved.remove("erasedAs");
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(moved).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(old)
                        .conditionExpression("attribute_exists(pk)").build()).build()));
    }

    @Override
    public List<ModeratorEntry> auditEntriesBy(String moderatorId) {
        return query(QueryRequest.builder().tableName(table).indexName(BY_MODERATOR)
                .keyConditionExpression("moderatorId = :m AND pk = :audit")
                .expressionAttributeValues(Map.of(":m", s(moderatorId), ":audit", s(DynamoReportStore.AUDIT))).build())
                .stream().map(i -> new ModeratorEntry(str(i, "sk"), DynamoReportStore.targetOf(i))).toList();
    }

    @Override
    public void anonymiseModerator(ModeratorEntry entry, String moderatorId, String placeholder) {
        Map<String, AttributeValue> values = Map.of(":m", s(moderatorId), ":p", s(placeholder), ":audit", s(entry.auditId()));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(DynamoReportStore.caseKey(entry.target()))
                    .updateExpression("SET #last.moderatorId = :p")
                    .conditionExpression("#last.moderatorId = :m AND #last.auditId = :audit")
                    .expressionAttributeNames(Map.of("#last", "last")).expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            // a later resolution is the case's last, or done already
        }
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(DynamoReportStore.AUDIT, entry.auditId()))
                    .updateExpression("SET moderatorId = :p").conditionExpression("moderatorId = :m")
                    .expressionAttributeValues(Map.of(":m", s(moderatorId), ":p", s(placeholder))));
        } catch (ConditionalCheckFailedException e) {
            // done already
        }
    }
}
