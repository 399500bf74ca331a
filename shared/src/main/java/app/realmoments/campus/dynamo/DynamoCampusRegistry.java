package app.realmoments.campus.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.campus.Campus;
import app.realmoments.campus.CampusRegistry;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The registry in the users table, one partition: {@code CAMPUSES / CAMPUS#{campusId}} with name,
 * timeZone and emailDomains (a list, in the admin's order). Items without a time zone are what PUT /me
 * wrote before the registry was data (any slug anyone typed): they are no campus, and are skipped.
 */
public final class DynamoCampusRegistry implements CampusRegistry {

    static final String PARTITION = "CAMPUSES";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCampusRegistry(DynamoDbClient dynamo, String usersTable) {
        this.dynamo = dynamo;
        this.table = usersTable;
    }

    @Override
    public Optional<Campus> find(String campusId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(PARTITION, "CAMPUS#" + campusId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : campusOf(item);
    }

    @Override
    public Slice page(int limit, String after) {
        List<Campus> campuses = new ArrayList<>();
        Map<String, AttributeValue> start = after == null ? null : key(PARTITION, "CAMPUS#" + after);
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :campus)")
                    .expressionAttributeValues(Map.of(":pk", s(PARTITION), ":campus", s("CAMPUS#")))
                    .limit(limit - campuses.size());
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            response.items().forEach(item -> campusOf(item).ifPresent(campuses::add));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null && campuses.size() < limit);
        String next = start == null || campuses.isEmpty() ? null : campuses.getLast().campusId();
        return new Slice(campuses, next);
    }

    @Override
    public boolean put(Campus campus) {
        Map<String, AttributeValue> item = new HashMap<>(key(PARTITION, "CAMPUS#" + campus.campusId()));
        item.put("campusId", s(campus.campusId()));
        item.put("name", s(campus.name()));
        item.put("timeZone", s(campus.timeZone().getId()));
        item.put("emailDomains", AttributeValue.fromL(campus.emailDomains().stream().map(d -> s(d)).toList()));
        item.put("updatedAt", time(campus.updatedAt()));
        var old = dynamo.putItem(r -> r.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD)).attributes();
        return old == null || old.isEmpty() || !old.containsKey("timeZone");
    }

    /** The campus an item holds; empty for a leftover of typed campuses, or one whose zone no longer exists. */
    static Optional<Campus> campusOf(Map<String, AttributeValue> item) {
        String zone = str(item, "timeZone");
        AttributeValue domains = item.get("emailDomains");
        if (zone == null || domains == null || !domains.hasL()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Campus(str(item, "campusId"), str(item, "name"), ZoneId.of(zone),
                    domains.l().stream().map(AttributeValue::s).toList(), instant(item, "updatedAt")));
        } catch (DateTimeException unknownZone) {
            return Optional.empty();
        }
    }
}
