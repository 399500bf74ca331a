package app.realmoments.report.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.num;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.error.Problem;
import app.realmoments.report.Case;
import app.realmoments.report.Reason;
import app.realmoments.report.Report;
import app.realmoments.report.ReportStore;
import app.realmoments.report.Resolution;
import app.realmoments.report.Target;
import app.realmoments.report.TargetType;
import app.realmoments.retry.Backoff;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reports in the moderation table ({@code REPORT#{id} / REPORT}), one case per reported target
 * ({@code TARGET#{type}#{id} / CASE}; while open it carries {@code queue = open}, the partition key of
 * the sparse index {@code OpenByAge}, sorted by {@code openedAt}) and the audit log ({@code AUDIT /
 * {auditId}}, ids sort by time). The reporter's side lives in the users table, in their own partition:
 * the edge {@code USER#r / REPORTED#{type}#{id}} (one per target: its condition makes a second report
 * of the same target write nothing) and the list {@code USER#r / REPORTED} ({@code refs}) that page
 * reads ask as one key. Filing writes all four in one transaction; resolving closes the case and puts
 * the audit entry in another, conditioned on the case's {@code round}.
 */
public final class DynamoReportStore implements ReportStore {

    static final String INDEX = "OpenByAge";
    static final String OPEN = "open";
    static final String RESOLVED = "resolved";
    static final String AUDIT = "AUDIT";
    private static final int CONFLICT_RETRIES = 4;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String usersTable;

    public DynamoReportStore(DynamoDbClient dynamo, String table, String usersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.usersTable = usersTable;
    }

    static Map<String, AttributeValue> caseKey(Target target) {
        return key("TARGET#" + target.type().wire() + "#" + target.id(), "CASE");
    }

    static Map<String, AttributeValue> reportKey(String reportId) {
        return key("REPORT#" + reportId, "REPORT");
    }

    static Map<String, AttributeValue> edgeKey(String reporterId, Target target) {
        Map<String, AttributeValue> key = new HashMap<>(DynamoSocialGraph.reportsKey(reporterId));
        key.put("sk", s(DynamoSocialGraph.reportEdge(target.ref())));
        return key;
    }

    @Override
    public Optional<String> reportIdOf(String reporterId, Target target) {
        var item = dynamo.getItem(r -> r.tableName(usersTable).key(edgeKey(reporterId, target)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "reportId"));
    }

    @Override
    public boolean file(Report report, String authorId, String held) {
        Target target = report.target();
        boolean byPerson = !Report.SYSTEM.equals(report.reporterId());
        List<TransactWriteItem> writes = new ArrayList<>();
        if (byPerson) {
            Map<String, AttributeValue> edge = new HashMap<>(edgeKey(report.reporterId(), target));
            edge.put("reportId", s(report.reportId()));
            edge.put("reportedAt", time(report.createdAt()));
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(usersTable).item(edge)
                    .conditionExpression("attribute_not_exists(pk)").build()).build());
            writes.add(TransactWriteItem.builder().update(Update.builder().tableName(usersTable)
                    .key(DynamoSocialGraph.reportsKey(report.reporterId()))
                    .updateExpression("ADD refs :ref")
                    .expressionAttributeValues(Map.of(":ref", AttributeValue.fromSs(List.of(target.ref())))).build()).build());
        }
        Map<String, AttributeValue> item = new HashMap<>(reportKey(report.reportId()));
        item.put("reportId", s(report.reportId()));
        item.put("reporterId", s(report.reporterId()));
        putTarget(item, target);
        item.put("reason", s(report.reason().wire()));
        item.put("createdAt", time(report.createdAt()));
        if (report.note() != null) {
            item.put("note", s(report.note()));
        }
        writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)").build()).build());

        Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#round", "round"));
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET #status = :open, queue = :open, targetType = :type, targetId = :id,"
                + " openedAt = if_not_exists(openedAt, :now), firstReportId = if_not_exists(firstReportId, :report),"
                + " #round = if_not_exists(#round, :zero)");
        values.put(":open", s(OPEN));
        values.put(":type", s(target.type().wire()));
        values.put(":id", s(target.id()));
        values.put(":now", time(report.createdAt()));
        values.put(":report", s(report.reportId()));
        values.put(":zero", n(0));
        if (target.momentId() != null) {
            set.append(", momentId = :moment");
            values.put(":moment", s(target.momentId()));
        }
        if (authorId != null) {
            set.append(", authorId = :author");
            values.put(":author", s(authorId));
        }
        if (held != null) {
            set.append(", held = :held");
            values.put(":held", s(held));
        }
        String update;
        if (byPerson) {
            update = set + " ADD reporters :one, reasons :reason";
            values.put(":one", n(1));
            values.put(":reason", AttributeValue.fromSs(List.of(report.reason().wire())));
        } else {
            update = set + ", reporters = if_not_exists(reporters, :zero)";
        }
        writes.add(TransactWriteItem.builder().update(Update.builder().tableName(table).key(caseKey(target))
                .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values).build()).build());
        return transact(writes, byPerson ? 0 : -1);
    }

    /**
     * Writes all or nothing; false when the write at {@code conditional} found its condition broken. A
     * conflict with another transaction on the same items (two reports of one target at once) is tried again.
     */
    private boolean transact(List<TransactWriteItem> writes, int conditional) {
        for (int conflicts = 0; ; ) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (conditional >= 0 && reasons.size() > conditional
                        && "ConditionalCheckFailed".equals(reasons.get(conditional).code())) {
                    return false;
                }
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (conflict && conflicts < CONFLICT_RETRIES) {
                    Backoff.STANDARD.pause(++conflicts);
                    continue;
                }
                if (conflict) {
                    throw Problem.conflict("conflict", "the report changed at the same time many times over; try again", null);
                }
                throw e;
            }
        }
    }

    private static void putTarget(Map<String, AttributeValue> item, Target target) {
        item.put("targetType", s(target.type().wire()));
        item.put("targetId", s(target.id()));
        if (target.momentId() != null) {
            item.put("momentId", s(target.momentId()));
        }
    }

    static Target targetOf(Map<String, AttributeValue> item) {
        TargetType type = TargetType.fromWire(str(item, "targetType"));
        return new Target(type, str(item, "targetId"), type == TargetType.USER ? null : str(item, "momentId"));
    }

    @Override
    public Optional<Report> report(String reportId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(reportKey(reportId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(reportOf(item));
    }

    static Report reportOf(Map<String, AttributeValue> item) {
        return new Report(str(item, "reportId"), str(item, "reporterId"), targetOf(item),
                Reason.fromWire(str(item, "reason")), str(item, "note"), instant(item, "createdAt"));
    }

    @Override
    public Optional<Case> caseOf(Target target) {
        var item = dynamo.getItem(r -> r.tableName(table).key(caseKey(target)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(caseOf(item));
    }

    static Case caseOf(Map<String, AttributeValue> item) {
        Target target = targetOf(item);
        Set<String> reasons = new HashSet<>();
        if (item.containsKey("reasons") && item.get("reasons").hasSs()) {
            reasons.addAll(item.get("reasons").ss());
        }
        Long reporters = num(item, "reporters");
        Long round = num(item, "round");
        Resolution last = null;
        AttributeValue stored = item.get("last");
        if (stored != null && stored.hasM()) {
            last = resolutionOf(stored.m(), target);
        }
        return new Case(target, str(item, "authorId"), str(item, "firstReportId"), instant(item, "openedAt"),
                reporters == null ? 0 : reporters.intValue(), reasons, OPEN.equals(str(item, "status")),
                item.containsKey("hidden") && Boolean.TRUE.equals(item.get("hidden").bool()), str(item, "held"),
                round == null ? 0 : round, last);
    }

    private static Resolution resolutionOf(Map<String, AttributeValue> m, Target target) {
        return new Resolution(str(m, "auditId"), str(m, "reportId"), target,
                Resolution.Action.fromWire(str(m, "action")), str(m, "moderatorId"), str(m, "note"), instant(m, "at"));
    }

    private static Map<String, AttributeValue> resolutionItem(Resolution resolution) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("auditId", s(resolution.auditId()));
        m.put("reportId", s(resolution.reportId()));
        m.put("action", s(resolution.action().wire()));
        m.put("moderatorId", s(resolution.moderatorId()));
        m.put("at", time(resolution.at()));
        if (resolution.note() != null) {
            m.put("note", s(resolution.note()));
        }
        return m;
    }

    @Override
    public void markHidden(Target target) {
        dynamo.updateItem(r -> r.tableName(table).key(caseKey(target)).updateExpression("SET #hidden = :yes")
                .conditionExpression("attribute_exists(pk)").expressionAttributeNames(Map.of("#hidden", "hidden"))
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Override
    public boolean resolve(Resolution resolution, long round) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":open", s(OPEN));
        values.put(":resolved", s(RESOLVED));
        values.put(":round", n(round));
        values.put(":next", n(round + 1));
        values.put(":zero", n(0));
        values.put(":last", AttributeValue.fromM(resolutionItem(resolution)));
        TransactWriteItem close = TransactWriteItem.builder().update(Update.builder().tableName(table)
                .key(caseKey(resolution.target()))
                .conditionExpression("#status = :open AND #round = :round")
                .updateExpression("SET #status = :resolved, #round = :next, #last = :last, reporters = :zero"
                        + " REMOVE queue, openedAt, firstReportId, #hidden, held, reasons")
                .expressionAttributeNames(Map.of("#status", "status", "#last", "last", "#round", "round", "#hidden", "hidden"))
                .expressionAttributeValues(values).build()).build();
        Map<String, AttributeValue> entry = new HashMap<>(resolutionItem(resolution));
        entry.put("pk", s(AUDIT));
        entry.put("sk", s(resolution.auditId()));
        putTarget(entry, resolution.target());
        TransactWriteItem audit = TransactWriteItem.builder().put(Put.builder().tableName(table).item(entry)
                .conditionExpression("attribute_not_exists(pk)").build()).build();
        return transact(List.of(close, audit), 0);
    }

    @Override
    public Slice<Case> open(int limit, Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(INDEX)
                .keyConditionExpression("queue = :open")
                .expressionAttributeValues(Map.of(":open", s(OPEN)))
                .scanIndexForward(true).limit(limit);
        if (position != null) {
            query.exclusiveStartKey(Map.of("queue", s(OPEN), "openedAt", s(position.get("openedAt")),
                    "pk", s(position.get("pk")), "sk", s("CASE")));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Case> cases = response.items().stream().map(DynamoReportStore::caseOf).toList();
        Map<String, String> next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = Map.of("openedAt", response.lastEvaluatedKey().get("openedAt").s(),
                    "pk", response.lastEvaluatedKey().get("pk").s());
        }
        return new Slice<>(cases, next);
    }

    @Override
    public Slice<Resolution> audit(int limit, Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :audit")
                .expressionAttributeValues(Map.of(":audit", s(AUDIT)))
                .scanIndexForward(false).limit(limit);
        if (position != null) {
            query.exclusiveStartKey(key(AUDIT, position.get("after")));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Resolution> entries = response.items().stream().map(i -> resolutionOf(i, targetOf(i))).toList();
        Map<String, String> next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = Map.of("after", response.lastEvaluatedKey().get("sk").s());
        }
        return new Slice<>(entries, next);
    }

    @Override
    public Optional<Instant> oldestOpen() {
        QueryResponse response = dynamo.query(q -> q.tableName(table).indexName(INDEX)
                .keyConditionExpression("queue = :open").expressionAttributeValues(Map.of(":open", s(OPEN)))
                .scanIndexForward(true).limit(1).projectionExpression("openedAt"));
        return response.items().stream().findFirst().map(i -> instant(i, "openedAt"));
    }
}
