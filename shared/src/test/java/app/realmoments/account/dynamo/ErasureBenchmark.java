package app.realmoments.account.dynamo;

import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.account.AccountClosing;
import app.realmoments.account.AccountErasure;
import app.realmoments.account.ErasureJob;
import app.realmoments.account.UserDirectory;
import app.realmoments.account.s3.S3ErasableObjects;
import app.realmoments.account.sqs.SqsErasureQueue;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.interact.Comment;
import app.realmoments.interact.Reaction;
import app.realmoments.interact.dynamo.DynamoInteractionCleanup;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.notify.PushGateway;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * BENCHMARK (not a test: run by benchmarks/erasure/run.sh, `-Dtest=ErasureBenchmark`): the time from
 * DELETE /me's work (close, disable, queue) to the end of the erasure walk, and the AWS calls it took, by
 * operation, against the embedded emulator, for a user like the end-to-end test's and for one with 1,000
 * friends and 500 moments. Results: docs/benchmarks.md, "Account erasure".
 */
class ErasureBenchmark {

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final String moments = aws.table("MomentsTable");
    private final String feed = aws.table("FeedTable");
    private final String interactions = aws.table("InteractionsTable");
    private final String notifications = aws.table("NotificationsTable");
    private final String bucket = aws.bucket("MediaBucket");
    private final Instant now = Instant.now();

    /** What the user has: friends, moments (the most recent {@code inFeeds} still in every friend's feed), ... */
    record Shape(String name, int friends, int moments, int inFeeds, int othersReactionsPerMoment, int reactions,
                 int comments, int inboxReceived, int inboxCaused) {
    }

    static final Shape E2E_LIKE = new Shape("e2e-like", 3, 1, 1, 1, 1, 1, 4, 2);
    /** Feeds keep 30 days: of 500 moments (a year and a half of daily posts), the last 30 are still in 1,001 feeds. */
    static final Shape BIG = new Shape("1000 friends, 500 moments", 1000, 500, 30, 3, 200, 100, 300, 300);

    private void batchPut(String table, List<Map<String, AttributeValue>> items) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(p -> p.item(item)).build()).toList();
            done.add(pool.submit(() -> {
                Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                while (!pending.isEmpty()) {
                    Map<String, List<WriteRequest>> sending = pending;
                    var response = aws.dynamo().batchWriteItem(r -> r.requestItems(sending));
                    pending = response.hasUnprocessedItems() && !response.unprocessedItems().isEmpty()
                            ? response.unprocessedItems() : Map.of();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static Map<String, AttributeValue> item(String... attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            item.put(attributes[i], s(attributes[i + 1]));
        }
        return item;
    }

    private Map<String, AttributeValue> moment(String momentId, String authorId) {
        Map<String, AttributeValue> m = item("momentId", momentId, "authorId", authorId, "status", "published",
                "audience", "friends", "createdAt", now.toString());
        m.put("reactionCounts", AttributeValue.fromM(Map.of()));
        m.put("commentCount", n(0));
        m.put("images", AttributeValue.fromM(Map.of("back", AttributeValue.fromM(Map.of("status", s("ready"))),
                "front", AttributeValue.fromM(Map.of("status", s("ready"))))));
        return m;
    }

    private String seed(Shape shape) throws Exception {
        String t = Long.toString(System.nanoTime(), 36);
        String u = "bench-" + t;
        List<Map<String, AttributeValue>> userItems = new ArrayList<>(List.of(
                item("pk", "USER#" + u, "sk", "PROFILE", "userId", u, "handle", "b" + t, "campusId", "uni", "schoolEmail", "hash" + t),
                item("pk", "HANDLE#b" + t, "sk", "HANDLE", "userId", u),
                item("pk", "SCHOOL_EMAIL#hash" + t, "sk", "CLAIM", "userId", u),
                item("pk", "CAMPUS#uni", "sk", "MEMBER#" + u, "userId", u),
                item("pk", "USER#" + u, "sk", "NOTIFICATION_SETTINGS", "quietStart", "22:00")));
        List<String> friends = new ArrayList<>();
        for (int i = 0; i < shape.friends(); i++) {
            String f = "friend-" + t + "-" + i;
            friends.add(f);
            userItems.add(item("pk", "USER#" + u, "sk", "FRIEND#" + f, "userId", u, "friendId", f));
            userItems.add(item("pk", "USER#" + f, "sk", "FRIEND#" + u, "userId", f, "friendId", u));
        }
        batchPut(users, userItems);
        List<Map<String, AttributeValue>> momentItems = new ArrayList<>();
        List<Map<String, AttributeValue>> feedItems = new ArrayList<>();
        List<Map<String, AttributeValue>> interactionItems = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < shape.moments(); i++) {
            String m = String.format(Locale.ROOT, "01JB%s%06d", t.toUpperCase(Locale.ROOT), i);
            momentItems.add(moment(m, u));
            for (String role : List.of("back", "front")) {
                keys.add("media/" + m + "/" + role + ".jpg");
                keys.add("media/" + m + "/" + role + "-thumb.jpg");
            }
            if (i >= shape.moments() - shape.inFeeds()) {
                feedItems.add(item("pk", "USER#" + u, "sk", m, "momentId", m, "authorId", u));
                for (String f : friends) {
                    feedItems.add(item("pk", "USER#" + f, "sk", m, "momentId", m, "authorId", u));
                }
                for (int r = 0; r < shape.othersReactionsPerMoment() && r < friends.size(); r++) {
                    interactionItems.add(item("pk", "MOMENT#" + m, "sk", "REACTION#" + friends.get(r), "momentId", m,
                            "userId", friends.get(r), "emoji", "🔥", "reactedAt", now.toString()));
                }
            }
        }
        // the friends' moments the user reacted to and commented on
        int others = Math.max(shape.reactions(), shape.comments());
        List<String> othersMoments = new ArrayList<>();
        for (int i = 0; i < others; i++) {
            String m = String.format(Locale.ROOT, "01JO%s%06d", t.toUpperCase(Locale.ROOT), i);
            othersMoments.add(m);
            momentItems.add(moment(m, friends.get(i % friends.size())));
        }
        batchPut(moments, momentItems);
        batchPut(feed, feedItems);
        batchPut(interactions, interactionItems);
        DynamoInteractionStore store = new DynamoInteractionStore(aws.dynamo(), interactions, moments);
        for (int i = 0; i < shape.reactions(); i++) {
            store.react(new Reaction(othersMoments.get(i), u, "👍", now), null);
        }
        for (int i = 0; i < shape.comments(); i++) {
            store.addComment(new Comment(String.format(Locale.ROOT, "01JC%s%06d", t.toUpperCase(Locale.ROOT), i),
                    othersMoments.get(i), u, "comment " + i, now), i % 2 == 0 ? "key" + i : null);
        }
        List<Map<String, AttributeValue>> inbox = new ArrayList<>();
        for (int i = 0; i < shape.inboxReceived(); i++) {
            inbox.add(item("pk", "USER#" + u, "sk", String.format(Locale.ROOT, "N#%06d", i), "type", "reaction",
                    "actorId", friends.get(i % friends.size())));
        }
        for (int i = 0; i < shape.inboxCaused(); i++) {
            inbox.add(item("pk", "USER#" + friends.get(i % friends.size()), "sk", String.format(Locale.ROOT, "N#%s%06d", t, i),
                    "type", "reaction", "actorId", u));
        }
        batchPut(notifications, inbox);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> puts = new ArrayList<>();
        for (String key : keys) {
            puts.add(pool.submit(() -> aws.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("jpeg"))));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
        return u;
    }

    private void run(Shape shape) throws Exception {
        long seeding = System.nanoTime();
        String u = seed(shape);
        long seeded = System.nanoTime();
        AwsCallCounter calls = new AwsCallCounter();
        DynamoDbClient dynamo = Instrumented.client(aws.clients(), DynamoDbClient.builder(), calls);
        S3Client s3 = Instrumented.client(aws.clients(), S3Client.builder().forcePathStyle(true), calls);
        SqsClient sqs = Instrumented.client(aws.clients(), SqsClient.builder(), calls);
        String secret = "0123456789abcdef0123456789abcdef-bench";
        Clock clock = Clock.systemUTC();
        UserDirectory pool = new UserDirectory() {
            @Override
            public void disable(String userId) {
            }

            @Override
            public void delete(String userId) {
            }
        };
        DynamoClosedAccounts closed = new DynamoClosedAccounts(dynamo, users, secret, clock);
        SqsErasureQueue queue = new SqsErasureQueue(sqs, aws.queueUrl("ErasureQueue"));
        AccountErasure erasure = new AccountErasure(new DynamoErasureStore(dynamo, users, moments, feed, interactions, notifications),
                new DynamoDeviceStore(dynamo, users), PushGateway.NONE, new DynamoMomentStore(dynamo, moments, users),
                new DynamoFeedStore(dynamo, feed), new DynamoInteractionStore(dynamo, interactions, moments),
                new DynamoInteractionCleanup(dynamo, interactions), new S3ErasableObjects(() -> s3, bucket),
                new S3ErasableObjects(() -> s3, "no-exports-bucket"), pool, closed, queue, List.of(), Duration.ofHours(1),
                Duration.ofSeconds(60), clock);

        long started = System.nanoTime();
        new AccountClosing(closed, pool, queue, Duration.ofHours(1), clock).close(u);
        AccountErasure.Result result = erasure.erase(ErasureJob.of(u));
        long walked = System.nanoTime();
        var first = calls.snapshot();
        calls.reset();
        erasure.erase(new ErasureJob(u, true, List.of()));
        long swept = System.nanoTime();
        System.out.printf(Locale.ROOT, "%n== %s (seeded in %.1f s)%n", shape, (seeded - seeding) / 1e9);
        System.out.printf(Locale.ROOT, "DELETE /me to walk done: %.2f s, %d items/objects erased: %s%n",
                (walked - started) / 1e9, result.total(), result.deleted());
        System.out.printf(Locale.ROOT, "AWS calls: %d %s%n", first.values().stream().mapToLong(Long::longValue).sum(), first);
        System.out.printf(Locale.ROOT, "sweep (a second run): %.2f s, AWS calls: %s%n", (swept - walked) / 1e9, calls.snapshot());
        assertEquals(0, aws.dynamo().query(r -> r.tableName(users).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("USER#" + u)))).count());
    }

    @Test
    void erasureTimeAndCalls() throws Exception {
        run(E2E_LIKE);
        run(BIG);
    }
}
