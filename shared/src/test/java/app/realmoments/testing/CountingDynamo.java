package app.realmoments.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDB table that plays throttled: an SDK execution interceptor (add it with {@link Instrumented#client}),
 * so the code under test runs unchanged against the emulator. Calls are counted by {@link AwsCallCounter}.
 */
public final class CountingDynamo {

    private CountingDynamo() {
    }

    /**
     * A throttled table: of each BatchWriteItem it sends only part of the writes (every
     * {@code keepOneIn}-th write is held back, at a rotating offset) and returns the rest as
     * UnprocessedItems, exactly as DynamoDB does under throttling, so the held-back ones are really not written.
     */
    public static final class Throttle implements ExecutionInterceptor {

        private static final ExecutionAttribute<Map<String, List<WriteRequest>>> HELD = new ExecutionAttribute<>("heldBack");

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
            Map<String, List<WriteRequest>> held = new HashMap<>(); // per table, as UnprocessedItems reports them
            for (var entry : request.requestItems().entrySet()) {
                List<WriteRequest> keep = new ArrayList<>();
                List<WriteRequest> hold = new ArrayList<>();
                for (WriteRequest write : entry.getValue()) {
                    (seen.incrementAndGet() % holdOneIn == 0 ? hold : keep).add(write);
                }
                if (!keep.isEmpty()) {
                    sent.put(entry.getKey(), keep);
                }
                if (!hold.isEmpty()) {
                    held.put(entry.getKey(), hold);
                }
            }
            if (sent.isEmpty() && !held.isEmpty()) { // DynamoDB refuses an empty batch: send one, hold the rest
                String table = held.keySet().iterator().next();
                List<WriteRequest> hold = held.get(table);
                sent.put(table, List.of(hold.removeFirst()));
                if (hold.isEmpty()) {
                    held.remove(table);
                }
            }
            heldBack.addAndGet(held.values().stream().mapToInt(List::size).sum());
            attributes.putAttribute(HELD, held);
            return request.toBuilder().requestItems(sent).build();
        }

        @Override
        public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
            Map<String, List<WriteRequest>> held = attributes.getAttribute(HELD);
            if (!(context.response() instanceof BatchWriteItemResponse response) || held == null || held.isEmpty()) {
                return context.response();
            }
            Map<String, List<WriteRequest>> unprocessed = new HashMap<>();
            if (response.hasUnprocessedItems()) {
                response.unprocessedItems().forEach((t, w) -> unprocessed.put(t, new ArrayList<>(w)));
            }
            held.forEach((table, writes) -> unprocessed.computeIfAbsent(table, k -> new ArrayList<>()).addAll(writes));
            return response.toBuilder().unprocessedItems(unprocessed).build();
        }
    }
}
