package app.realmoments.prompt.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.prompt.Prompt;
import app.realmoments.prompt.PromptStore;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Members and prompts in the users table (docs/data-model.md): members {@code CAMPUS#c / MEMBER#u}
 * (written by verification, campus/dynamo/DynamoMembershipStore, with the profile), the prompt of a day
 * {@code CAMPUS#c / PROMPT#yyyy-mm-dd}, and the same prompt in the due list of its UTC day
 * {@code PROMPT_DUE#yyyy-mm-dd / {epoch seconds}#c}, which the every-minute run reads and marks fired.
 */
public final class DynamoPromptStore implements PromptStore {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPromptStore(DynamoDbClient dynamo, String usersTable) {
        this.dynamo = dynamo;
        this.table = usersTable;
    }

    @Override
    public void forEachMemberPage(String campusId, Consumer<List<String>> page) {
        query("CAMPUS#" + campusId, "MEMBER#", items -> page.accept(items.stream()
                .map(item -> item.get("sk").s().substring("MEMBER#".length())).toList()));
    }

    private void query(String pk, String prefix, Consumer<List<Map<String, AttributeValue>>> pages) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk), ":prefix", s(prefix)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            pages.accept(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public Optional<Prompt> find(String campusId, LocalDate date) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("CAMPUS#" + campusId, "PROMPT#" + date))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(promptOf(item));
    }

    @Override
    public boolean plan(Prompt prompt) {
        Map<String, AttributeValue> day = new HashMap<>(key("CAMPUS#" + prompt.campusId(), "PROMPT#" + prompt.date()));
        Map<String, AttributeValue> due = new HashMap<>(dueKey(prompt));
        for (Map<String, AttributeValue> item : List.of(day, due)) {
            item.put("campusId", s(prompt.campusId()));
            item.put("date", s(prompt.date().toString()));
            item.put("promptAt", time(prompt.promptAt()));
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(day)
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(due)
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (TransactionCanceledException e) {
            boolean planned = e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(reason -> "ConditionalCheckFailed".equals(reason.code()));
            if (planned) {
                return false; // that day is planned already (another run got there first)
            }
            throw e; // a conflict or throttling: the schedule's retry plans it
        }
    }

    @Override
    public List<Prompt> due(Instant now) {
        List<Prompt> due = new ArrayList<>();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            Map<String, AttributeValue> start = null;
            do {
                QueryRequest.Builder request = QueryRequest.builder().tableName(table)
                        .keyConditionExpression("pk = :pk AND sk <= :now")
                        .filterExpression("attribute_not_exists(firedAt)")
                        .expressionAttributeValues(Map.of(":pk", s("PROMPT_DUE#" + day), ":now", s(seconds(now) + "#~")));
                if (start != null) {
                    request.exclusiveStartKey(start);
                }
                QueryResponse response = dynamo.query(request.build());
                response.items().forEach(item -> due.add(promptOf(item)));
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return due;
    }

    @Override
    public boolean claim(Prompt prompt, Instant now, Instant until) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(dueKey(prompt))
                    .updateExpression("SET leaseUntil = :until")
                    .conditionExpression("attribute_exists(pk) AND attribute_not_exists(firedAt)"
                            + " AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)")
                    .expressionAttributeValues(Map.of(":until", time(until), ":now", time(now))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void fired(Prompt prompt, Instant at) {
        dynamo.updateItem(r -> r.tableName(table).key(dueKey(prompt))
                .updateExpression("SET firedAt = :at REMOVE leaseUntil")
                .expressionAttributeValues(Map.of(":at", time(at))));
    }

    private static Map<String, AttributeValue> dueKey(Prompt prompt) {
        return key("PROMPT_DUE#" + LocalDate.ofInstant(prompt.promptAt(), ZoneOffset.UTC),
                seconds(prompt.promptAt()) + "#" + prompt.campusId());
    }

    /** Fixed width, so the sort key orders as time does. */
    private static String seconds(Instant at) {
        return String.format("%012d", at.getEpochSecond());
    }

    private static Prompt promptOf(Map<String, AttributeValue> item) {
        return new Prompt(str(item, "campusId"), LocalDate.parse(str(item, "date")), instant(item, "promptAt"));
    }
}
