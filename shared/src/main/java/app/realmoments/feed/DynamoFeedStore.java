package app.realmoments.feed;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Feeds in the feed table: {@code USER#{recipient} / {momentId}}. Writes go 25 to a BatchWriteItem;
 * unprocessed items are retried with exponential backoff and full jitter.
 */
public final class DynamoFeedStore implements FeedStore {

    static final int BATCH = 25;
    static final int ATTEMPTS = 8;
    static final long BASE_DELAY_MS = 25;
    static final long MAX_DELAY_MS = 2_000;

    /** Waits between retries; tests pass one that does not sleep. */
    public interface Backoff {
        void pause(long millis) throws InterruptedException;
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Backoff backoff;

    public DynamoFeedStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Thread::sleep);
    }

    public DynamoFeedStore(DynamoDbClient dynamo, String table, Backoff backoff) {
        this.dynamo = dynamo;
        this.table = table;
        this.backoff = backoff;
    }

    @Override
    public void putAll(List<FeedEntry> entries) {
        List<WriteRequest> writes = new ArrayList<>(entries.size());
        for (FeedEntry entry : entries) {
            Map<String, AttributeValue> item = new HashMap<>(key("USER#" + entry.recipientId(), entry.momentId()));
            item.put("momentId", s(entry.momentId()));
            item.put("authorId", s(entry.authorId()));
            item.put("createdAt", time(entry.createdAt()));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        writeAll(writes);
    }

    @Override
    public Slice page(String recipientId, int limit, Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("USER#" + recipientId)))
                .scanIndexForward(false)
                .limit(limit);
        if (position != null) {
            query.exclusiveStartKey(key("USER#" + recipientId, position.get("after")));
        }
        QueryResponse response = dynamo.query(query.build());
        List<FeedEntry> entries = response.items().stream().map(item -> new FeedEntry(recipientId,
                str(item, "momentId"), str(item, "authorId"), instant(item, "createdAt"))).toList();
        Map<String, String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() && !entries.isEmpty()
                ? Map.of("after", entries.getLast().momentId()) : null;
        return new Slice(entries, next);
    }

    @Override
    public void removeMoment(String momentId) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName("ByMoment")
                    .keyConditionExpression("momentId = :m")
                    .expressionAttributeValues(Map.of(":m", s(momentId)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            List<WriteRequest> deletes = response.items().stream()
                    .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(key(str(item, "pk"), str(item, "sk")))).build())
                    .toList();
            writeAll(deletes);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    private void writeAll(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH) {
            writeBatch(writes.subList(from, Math.min(writes.size(), from + BATCH)));
        }
    }

    private void writeBatch(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 1; ; attempt++) {
            Map<String, List<WriteRequest>> sending = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(sending));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (pending.isEmpty() || pending.values().stream().allMatch(List::isEmpty)) {
                return;
            }
            if (attempt >= ATTEMPTS) {
                int left = pending.values().stream().mapToInt(List::size).sum();
                throw new IllegalStateException(left + " feed writes still unprocessed after " + ATTEMPTS + " attempts");
            }
            long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << attempt);
            try {
                backoff.pause(ThreadLocalRandom.current().nextLong(ceiling + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying feed writes", e);
            }
        }
    }
}
