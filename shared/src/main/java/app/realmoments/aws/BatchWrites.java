package app.realmoments.aws;

import app.realmoments.error.Problem;
import app.realmoments.retry.Backoff;
import java.util.List;
import java.util.Map;
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
                // DynamoDB left them unprocessed: it is throttling us (an API caller may try again in a moment)
                throw Problem.throttled(left + " " + what + " still unprocessed after " + ATTEMPTS + " attempts", 1);
            }
            backoff.pause(attempt);
        }
    }
}
