package app.realmoments.runtime.events;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

/**
 * Lambda's DynamoDB stream event source mapping. Reads every shard of the stream (following new ones)
 * and delivers records in order per shard, in batches of at most BatchSize:
 * <ul>
 *   <li>success: the batch is done;</li>
 *   <li>with ReportBatchItemFailures, a batchItemFailures entry (a sequence number): the records
 *       before it are done, the batch is retried from it;</li>
 *   <li>an exception: the whole batch is retried (halved first when BisectBatchOnFunctionError);</li>
 *   <li>after MaximumRetryAttempts retries (-1: until it succeeds) the failing records are skipped
 *       with a log line.</li>
 * </ul>
 */
public final class StreamPump extends Pump {

    private static final long DESCRIBE_EVERY_NANOS = 2_000_000_000L;
    private static final int READ_LIMIT = 100;

    private final Aws aws;
    private final LocalFunction function;
    private final String streamArn;
    private final int batchSize;
    private final int maxRetries;
    private final boolean reportFailures;
    private final boolean bisect;
    private final String onFailure;
    private final EventFilter filter;
    private final ShardIteratorType startingPosition;
    private final Map<String, ShardState> shards = new LinkedHashMap<>();
    private long describedAt;
    private boolean described;

    private static final class ShardState {
        final String id;
        String iterator;
        /** The last sequence number read from the shard (null: none yet), where a fresh iterator resumes. */
        String lastSequence;
        final Deque<Record> buffer = new ArrayDeque<>();
        int attempts;
        int limit;

        ShardState(String id, String iterator, int limit) {
            this.id = id;
            this.iterator = iterator;
            this.limit = limit;
        }
    }

    /**
     * @param onFailure the queue URL of the mapping's DestinationConfig.OnFailure destination, or null
     * @param filter the mapping's FilterCriteria: records it does not match are skipped, as Lambda skips them
     */
    public StreamPump(Aws aws, LocalFunction function, String streamArn, String startingPosition, int batchSize,
                      int maxRetries, boolean reportFailures, boolean bisect, String onFailure, EventFilter filter) {
        super(function.spec().logicalId() + "<-stream");
        this.aws = aws;
        this.function = function;
        this.streamArn = streamArn;
        this.batchSize = Math.max(1, batchSize);
        this.maxRetries = maxRetries;
        this.reportFailures = reportFailures;
        this.bisect = bisect;
        this.onFailure = onFailure;
        this.filter = filter;
        this.startingPosition = "LATEST".equals(startingPosition) ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
    }

    @Override
    protected boolean poll() throws InterruptedException {
        if (!function.jarExists()) {
            return false; // not built yet: events wait where they are (in the queue, the stream) until it is
        }
        if (!described || System.nanoTime() - describedAt > DESCRIBE_EVERY_NANOS) {
            discoverShards();
        }
        boolean worked = false;
        for (ShardState shard : shards.values()) {
            if (!running()) {
                break;
            }
            if (shard.buffer.size() < batchSize && shard.iterator != null) {
                GetRecordsResponse response = aws.streams().getRecords(b -> b.shardIterator(shard.iterator).limit(READ_LIMIT));
                for (Record record : response.records()) {
                    if (filter.matches(EventJson.dynamodbRecord(record, streamArn, aws.region()))) {
                        shard.buffer.add(record);
                    }
                }
                if (!response.records().isEmpty()) {
                    shard.lastSequence = response.records().getLast().dynamodb().sequenceNumber();
                }
                shard.iterator = response.nextShardIterator();
            }
            if (!shard.buffer.isEmpty()) {
                deliver(shard);
                worked = true;
            }
        }
        return worked;
    }

    private void discoverShards() {
        boolean first = !described;
        described = true;
        describedAt = System.nanoTime();
        List<Shard> found = aws.streams().describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        for (Shard shard : found) {
            ShardState known = shards.get(shard.shardId());
            if (known != null) {
                refresh(known);
                continue;
            }
            // Shards found later are read from their start: everything in them is new to us.
            ShardIteratorType type = first ? startingPosition : ShardIteratorType.TRIM_HORIZON;
            String iterator = aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(type)).shardIterator();
            shards.put(shard.shardId(), new ShardState(shard.shardId(), iterator, batchSize));
        }
    }

    /**
     * A fresh iterator after the last record read. moto rolls a failed TransactWriteItems back by putting
     * deep copies of its tables in place, stream shards included, so an iterator taken before it reads a
     * shard nothing is written to any more (a stream would go silent after a handle conflict); resuming
     * from the last sequence number read loses and repeats nothing. Lambda's own pollers need none of it.
     */
    private void refresh(ShardState shard) {
        if (!shard.buffer.isEmpty() || (shard.lastSequence == null && startingPosition == ShardIteratorType.LATEST)) {
            return; // records still to deliver, or (LATEST, nothing read yet) no position to resume from
        }
        shard.iterator = shard.lastSequence == null
                ? aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.id)
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator()
                : aws.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.id)
                        .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
                        .sequenceNumber(shard.lastSequence)).shardIterator();
    }

    private void deliver(ShardState shard) throws InterruptedException {
        List<Record> batch = new ArrayList<>();
        for (Record record : shard.buffer) {
            if (batch.size() >= shard.limit) {
                break;
            }
            batch.add(record);
        }
        Invocation invocation = function.invoke(EventJson.dynamodbEvent(batch, streamArn, aws.region()).toString());
        int done;
        if (invocation.failed()) {
            if (bisect && batch.size() > 1) {
                shard.limit = (batch.size() + 1) / 2;
                RuntimeLog.warn(name() + ": the function failed on " + batch.size() + " record(s); bisecting to "
                        + shard.limit);
                return;
            }
            done = 0;
        } else {
            done = reportFailures ? succeededPrefix(invocation.response(), batch) : batch.size();
        }
        for (int i = 0; i < done; i++) {
            shard.buffer.removeFirst();
        }
        if (done == batch.size()) {
            shard.attempts = 0;
            shard.limit = batchSize;
            return;
        }
        shard.attempts++;
        int failing = batch.size() - done;
        if (maxRetries >= 0 && shard.attempts > maxRetries) {
            RuntimeLog.warn(name() + ": giving up on " + failing + " record(s) of " + shard.id + " from sequence "
                    + batch.get(done).dynamodb().sequenceNumber() + " after " + maxRetries + " retries");
            String first = batch.get(done).dynamodb().sequenceNumber();
            String last = batch.getLast().dynamodb().sequenceNumber();
            int attempts = shard.attempts;
            AsyncFailures.send(aws, function, onFailure, attempts, failing + " stream record(s)",
                    () -> AsyncFailures.streamRecord(function, invocation, attempts, streamArn, shard.id, first, last, failing));
            for (int i = 0; i < failing; i++) {
                shard.buffer.removeFirst();
            }
            shard.attempts = 0;
            shard.limit = batchSize;
            return;
        }
        RuntimeLog.info(name() + ": retrying " + shard.id + " from sequence " + batch.get(done).dynamodb().sequenceNumber()
                + " (retry " + shard.attempts + (maxRetries >= 0 ? " of " + maxRetries : "") + ")");
        sleep(Math.min(2000, 100L * shard.attempts));
    }

    /**
     * How many records at the head of the batch succeeded: all of them unless batchItemFailures names
     * one; then those before the lowest sequence number named. An unusable answer (an id not in the
     * batch, an empty id) fails the whole batch, as in Lambda.
     */
    private int succeededPrefix(String response, List<Record> batch) {
        JsonNode failures;
        try {
            JsonNode node = EventJson.JSON.readTree(response);
            failures = node == null ? null : node.get("batchItemFailures");
        } catch (Exception e) {
            return batch.size();
        }
        if (failures == null || failures.isNull() || failures.isEmpty()) {
            return batch.size();
        }
        int first = batch.size();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            int index = -1;
            for (int i = 0; i < batch.size(); i++) {
                if (batch.get(i).dynamodb().sequenceNumber().equals(id)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                RuntimeLog.warn(name() + ": batchItemFailures names " + (id.isEmpty() ? "an empty id" : id)
                        + ", not in the batch: the whole batch is retried");
                return 0;
            }
            first = Math.min(first, index);
        }
        return first;
    }
}
