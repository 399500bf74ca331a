package app.realmoments.benchmarks.fanout;

import app.realmoments.feed.MomentFanout;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.FanoutWorld;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * One moment fanned out to N friends against the emulator, and a bare loop of the same BatchWriteItem
 * calls (same item shape, same batch size) in the same run, interleaved round by round. Prints the
 * median wall time of each, their ratio, and the DynamoDB calls of one fan-out.
 *
 * <pre>java -jar feed-fanout-benchmark.jar [--friends 1000] [--rounds 7] [--warmup 2]</pre>
 */
public final class FeedFanoutBenchmark {

    public static void main(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int friends = Integer.parseInt(options.getOrDefault("friends", "1000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "7"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "2"));

        LocalAws aws = LocalAws.shared();
        String users = aws.table("UsersTable");
        String feed = aws.table("FeedTable");
        FanoutWorld world = new FanoutWorld(aws.dynamo(), users, friends);
        AwsCallCounter calls = new AwsCallCounter();
        DynamoDbClient dynamo = Instrumented.client(aws.clients(), DynamoDbClient.builder(), calls);
        MomentFanout fanout = new MomentFanout(new DynamoFeedStore(dynamo, feed), new DynamoSocialGraph(dynamo, users),
                jobs -> { }, momentId -> { }); // notification jobs go to SQS, not measured here

        List<Long> fanoutNanos = new ArrayList<>();
        List<Long> bareNanos = new ArrayList<>();
        Map<String, Long> callsOfOne = null;
        for (int round = 0; round < warmup + rounds; round++) {
            boolean fanoutFirst = round % 2 == 0;
            for (int part = 0; part < 2; part++) {
                Moment moment = world.moment(Audience.FRIENDS, null);
                if ((part == 0) == fanoutFirst) {
                    calls.reset();
                    long start = System.nanoTime();
                    int recipients = fanout.published(moment);
                    long took = System.nanoTime() - start;
                    if (recipients != friends + 1) {
                        throw new IllegalStateException("fanned out to " + recipients);
                    }
                    callsOfOne = calls.snapshot();
                    if (round >= warmup) {
                        fanoutNanos.add(took);
                    }
                } else {
                    List<List<WriteRequest>> batches = bareBatches(world, moment);
                    long start = System.nanoTime();
                    for (List<WriteRequest> batch : batches) {
                        Map<String, List<WriteRequest>> pending = Map.of(feed, batch);
                        while (!pending.isEmpty()) {
                            Map<String, List<WriteRequest>> sending = pending;
                            pending = aws.dynamo().batchWriteItem(r -> r.requestItems(sending)).unprocessedItems();
                        }
                    }
                    long took = System.nanoTime() - start;
                    if (round >= warmup) {
                        bareNanos.add(took);
                    }
                }
            }
        }
        long fanoutMedian = median(fanoutNanos);
        long bareMedian = median(bareNanos);
        System.out.printf("friends: %d, rounds: %d (after %d warm-up)%n", friends, rounds, warmup);
        System.out.printf("fan-out   median %7.1f ms  (all: %s)%n", fanoutMedian / 1e6, millis(fanoutNanos));
        System.out.printf("bare loop median %7.1f ms  (all: %s)%n", bareMedian / 1e6, millis(bareNanos));
        System.out.printf("ratio fan-out / bare loop: %.2f%n", (double) fanoutMedian / bareMedian);
        System.out.printf("DynamoDB calls of one fan-out: %s (BatchWriteItem bound ceil((N+1)/25) = %d)%n",
                callsOfOne, (friends + 1 + 24) / 25);
        System.exit(0);
    }

    /** The writes the fan-out makes, built before the clock starts: author and friends, 25 a batch. */
    private static List<List<WriteRequest>> bareBatches(FanoutWorld world, Moment moment) {
        List<String> recipients = new ArrayList<>();
        recipients.add(world.author);
        recipients.addAll(world.friends);
        List<List<WriteRequest>> batches = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>();
        for (String recipient : recipients) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS("USER#" + recipient));
            item.put("sk", AttributeValue.fromS(moment.momentId()));
            item.put("momentId", AttributeValue.fromS(moment.momentId()));
            item.put("authorId", AttributeValue.fromS(moment.authorId()));
            item.put("createdAt", AttributeValue.fromS(moment.createdAt().toString()));
            batch.add(WriteRequest.builder().putRequest(p -> p.item(item)).build());
            if (batch.size() == 25) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String millis(List<Long> values) {
        return values.stream().map(v -> String.format("%.0f", v / 1e6)).toList().toString();
    }
}
