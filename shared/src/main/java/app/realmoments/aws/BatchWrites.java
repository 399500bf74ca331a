package app.realmoments.aws;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Any number of puts and deletes on one table through BatchWriteItem: 25 to a request (DynamoDB's
 * limit), items it leaves unprocessed (throttling) retried with exponential backoff and full jitter,
 * up to {@link #ATTEMPTS} times; then it fails, and the caller's event is retried as a whole.
 */
public final class BatchWrites {

    public static final int BATCH = 25;
    public static final int ATTEMPTS = 8;
    static final long BASE_DELAY_MS = 25;
    public static final long MAX_DELAY_MS = 2_000;

    /** Waits between retries; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Backoff {
        void pause(long millis) throws InterruptedException;
    }

    private final DynamoDbClient dynamo;
    private final Backoff backoff;

    public BatchWrites(DynamoDbClient dynamo, Backoff backoff) {
        this.dynamo = dynamo;
        this.backoff = backoff;
    }

    /** Deletes the items (each with the table's keys, {@code pk} and {@code sk}: e.g. a keys-only query page). */
    public void deleteItems(String table, List<Map<String, AttributeValue>> items, String what) {
        apply(table, items.stream()
                .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))))
                        .build())
                .toList(), what);
    }

    /** Applies every write; {@code what} names them in the error if some stay unprocessed. */
    public void apply(String table, List<WriteRequest> writes, String what) {
        for (int from = 0; from < writes.size(); from += BATCH) {
            applyBatch(table, writes.subList(from, Math.min(writes.size(), from + BATCH)), what);
        }
    }

    private void applyBatch(String table, List<WriteRequest> batch, String what) {
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
                throw new IllegalStateException(left + " " + what + " still unprocessed after " + ATTEMPTS + " attempts");
            }
            pauseBeforeRetry(attempt, backoff, what);
        }
    }

    /** Full jitter: a random pause up to 25 ms x 2^attempt, at most 2 s; shared by BatchGet's retries. */
    static void pauseBeforeRetry(int attempt, Backoff backoff, String what) {
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << attempt);
        try {
            backoff.pause(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying " + what, e);
        }
    }
}
