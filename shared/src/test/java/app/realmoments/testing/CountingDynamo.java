package app.realmoments.testing;

import app.realmoments.aws.AwsClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB clients that count their calls, and one that plays a throttled table: both SDK execution
 * interceptors, so the code under test runs unchanged against the emulator.
 */
public final class CountingDynamo {

    private CountingDynamo() {
    }

    /** A client like the functions' own, with these interceptors added. */
    public static DynamoDbClient client(AwsClients aws, ExecutionInterceptor... interceptors) {
        var overrides = aws.overrides().toBuilder();
        for (ExecutionInterceptor interceptor : interceptors) {
            overrides.addExecutionInterceptor(interceptor);
        }
        return aws.configure(DynamoDbClient.builder()).overrideConfiguration(overrides.build()).build();
    }

    /** API calls by operation (BatchWriteItem, Query, ...), one per call whatever the SDK's own retries. */
    public static final class Calls implements ExecutionInterceptor {

        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String operation = context.request().getClass().getSimpleName().replaceFirst("Request$", "");
            calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        }

        public int of(String operation) {
            AtomicInteger count = calls.get(operation);
            return count == null ? 0 : count.get();
        }

        public int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        public Map<String, Integer> snapshot() {
            Map<String, Integer> out = new HashMap<>();
            calls.forEach((k, v) -> out.put(k, v.get()));
            return out;
        }

        public void reset() {
            calls.clear();
        }
    }

    /**
     * A throttled table: of each BatchWriteItem it sends only part of the writes (every
     * {@code keepOneIn}-th write is held back, at a rotating offset) and returns the rest as
     * UnprocessedItems, exactly as DynamoDB does under throttling, so the held-back ones are really not written.
     */
    public static final class Throttle implements ExecutionInterceptor {

        private static final ExecutionAttribute<List<WriteRequest>> HELD = new ExecutionAttribute<>("heldBack");

        private final int holdOneIn;
        private final AtomicLong seen = new AtomicLong();
        public final AtomicInteger heldBack = new AtomicInteger();

        public Throttle(int holdOneIn) {
            this.holdOneIn = holdOneIn;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (!(context.request() instanceof BatchWriteItemRequest request)) {
                return context.request();
            }
            Map<String, List<WriteRequest>> sent = new HashMap<>();
            List<WriteRequest> held = new ArrayList<>();
            String table = null;
            for (var entry : request.requestItems().entrySet()) {
                table = entry.getKey();
                List<WriteRequest> keep = new ArrayList<>();
                for (WriteRequest write : entry.getValue()) {
                    (seen.incrementAndGet() % holdOneIn == 0 ? held : keep).add(write);
                }
                if (!keep.isEmpty()) {
                    sent.put(entry.getKey(), keep);
                }
            }
            if (sent.isEmpty()) { // DynamoDB refuses an empty batch: send one, hold the rest
                sent.put(table, List.of(held.removeFirst()));
            }
            heldBack.addAndGet(held.size());
            attributes.putAttribute(HELD, held);
            attributes.putAttribute(TABLE, table);
            return request.toBuilder().requestItems(sent).build();
        }

        private static final ExecutionAttribute<String> TABLE = new ExecutionAttribute<>("heldTable");

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            List<WriteRequest> held = attributes.getAttribute(HELD);
            if (!(context.response() instanceof BatchWriteItemResponse response) || held == null || held.isEmpty()) {
                return context.response();
            }
            Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
            if (response.hasUnprocessedItems()) {
                response.unprocessedItems().forEach((t, w) -> unprocessed.put(t, new ArrayList<>(w)));
            }
            unprocessed.computeIfAbsent(attributes.getAttribute(TABLE), k -> new ArrayList<>()).addAll(held);
            return response.toBuilder().unprocessedItems(unprocessed).build();
        }
    }
}
