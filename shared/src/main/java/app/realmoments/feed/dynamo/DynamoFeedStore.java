package app.realmoments.feed.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.aws.BatchWrites;
import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedStore;
import app.realmoments.retry.Backoff;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Feeds in the feed table: {@code USER#{recipient} / {momentId}}, and campus feeds write-sharded by
 * day: {@code CAMPUS#{campusId}#{yyyy-mm-dd}#{shard} / {momentId}}. Writes go 25 to a BatchWriteItem;
 * unprocessed items are retried with exponential backoff and full jitter.
 */
public final class DynamoFeedStore implements FeedStore {

    /** Partitions per campus and day: a campus may take CAMPUS_SHARDS x 1,000 entry writes a second. */
    public static final int CAMPUS_SHARDS = 4;
    /** How many days back the campus feed reaches (today included). */
    public static final int CAMPUS_WINDOW_DAYS = 7;
    /** How long a user's feed keeps an entry (TTL): older moments stay in their author's memories. */
    public static final Duration FEED_RETENTION = Duration.ofDays(30);
    /** A campus entry outlives its feed's window by a day, then goes by TTL. */
    static final Duration CAMPUS_RETENTION = Duration.ofDays(CAMPUS_WINDOW_DAYS + 1);

    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchWrites writes;

    public DynamoFeedStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Thread::sleep);
    }

    /** @param sleeper how retries of unprocessed writes wait (tests pass one that does not sleep) */
    public DynamoFeedStore(DynamoDbClient dynamo, String table, Backoff.Sleeper sleeper) {
        this.dynamo = dynamo;
        this.table = table;
        this.writes = new BatchWrites(dynamo, Backoff.standard(sleeper));
    }

    @Override
    public void putAll(List<FeedEntry> entries) {
        List<WriteRequest> writes = new ArrayList<>(entries.size());
        for (FeedEntry entry : entries) {
            Map<String, AttributeValue> item = new HashMap<>(key("USER#" + entry.recipientId(), entry.momentId()));
            item.put("momentId", s(entry.momentId()));
            item.put("authorId", s(entry.authorId()));
            item.put("createdAt", time(entry.createdAt()));
            item.put("expiresAt", n(entry.createdAt().plus(FEED_RETENTION).getEpochSecond()));
            writes.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
        }
        writeAll(writes);
    }

    @Override
    public void putCampus(String campusId, FeedEntry entry) {
        LocalDate day = LocalDate.ofInstant(entry.createdAt(), ZoneOffset.UTC);
        Map<String, AttributeValue> item = new HashMap<>(key(campusPartition(campusId, day, shardOf(entry.momentId())),
                entry.momentId()));
        item.put("momentId", s(entry.momentId()));
        item.put("authorId", s(entry.authorId()));
        item.put("createdAt", time(entry.createdAt()));
        item.put("expiresAt", n(entry.createdAt().plus(CAMPUS_RETENTION).getEpochSecond()));
        writeAll(List.of(WriteRequest.builder().putRequest(p -> p.item(item)).build()));
    }

    /** Deterministic, so a redelivered stream record rewrites the same item. */
    static int shardOf(String momentId) {
        return Math.floorMod(momentId.hashCode(), CAMPUS_SHARDS);
    }

    static String campusPartition(String campusId, LocalDate day, int shard) {
        return "CAMPUS#" + campusId + "#" + day + "#" + shard;
    }

    @Override
    public Slice campusPage(String campusId, LocalDate today, int limit, Map<String, String> position) {
        LocalDate oldest = today.minusDays(CAMPUS_WINDOW_DAYS - 1);
        LocalDate day = position == null ? today : LocalDate.parse(position.get("day"));
        String after = position == null ? null : position.get("after");
        List<FeedEntry> taken = new ArrayList<>();
        while (!day.isBefore(oldest) && !day.isAfter(today)) {
            int need = limit - taken.size();
            List<FeedEntry> merged = new ArrayList<>();
            boolean more = false;
            for (int shard = 0; shard < CAMPUS_SHARDS; shard++) {
                String pk = campusPartition(campusId, day, shard);
                Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk)));
                String condition = "pk = :pk";
                if (after != null) {
                    condition += " AND sk < :after";
                    values.put(":after", s(after));
                }
                QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table)
                        .keyConditionExpression(condition).expressionAttributeValues(values)
                        .scanIndexForward(false).limit(need).build());
                response.items().forEach(item -> merged.add(new FeedEntry(campusId, str(item, "momentId"),
                        str(item, "authorId"), instant(item, "createdAt"))));
                more |= response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            }
            merged.sort(Comparator.comparing(FeedEntry::momentId).reversed());
            // Each shard gave its newest `need`, so the newest `need` of the union are the day's.
            taken.addAll(merged.subList(0, Math.min(need, merged.size())));
            if (merged.size() >= need && (more || merged.size() > need)) {
                return new Slice(taken, Map.of("day", day.toString(), "after", taken.getLast().momentId()));
            }
            day = day.minusDays(1);
            after = null;
            if (taken.size() >= limit) {
                return new Slice(taken, day.isBefore(oldest) ? null : Map.of("day", day.toString()));
            }
        }
        return new Slice(taken, null);
    }

    @Override
    public int removeAuthorFromFeed(String recipientId, String authorId) {
        // A filter over the recipient's own partition, not an index: unfriending is rare, and an index
        // would add a write to every one of the far more frequent fan-out writes. The partition holds at
        // most FEED_RETENTION of entries (TTL), and this runs from the stream, not in a request.
        Map<String, AttributeValue> start = null;
        int removed = 0;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .filterExpression("authorId = :author")
                    .projectionExpression("pk, sk")
                    .expressionAttributeValues(Map.of(":pk", s("USER#" + recipientId), ":author", s(authorId)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            List<WriteRequest> deletes = response.items().stream()
                    .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(key(str(item, "pk"), str(item, "sk")))).build())
                    .toList();
            writeAll(deletes);
            removed += deletes.size();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return removed;
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
        dynamo.queryPaginator(q -> q.tableName(table).indexName("ByMoment").keyConditionExpression("momentId = :m")
                        .expressionAttributeValues(Map.of(":m", s(momentId))))
                .forEach(page -> writes.deleteItems(table, page.items(), "feed deletes"));
    }

    private void writeAll(List<WriteRequest> requests) {
        writes.apply(table, requests, "feed writes");
    }
}
