package app.realmoments.account.dynamo;

import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.account.AccountErasure;
import app.realmoments.account.ClosedAccounts;
import app.realmoments.account.ErasureJob;
import app.realmoments.account.UserDirectory;
import app.realmoments.account.s3.S3ErasableObjects;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.interact.Comment;
import app.realmoments.interact.Reaction;
import app.realmoments.interact.dynamo.DynamoInteractionCleanup;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.notify.Device;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.retry.Backoff;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.RecordingPushGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The walk with its real adapters against the emulator: every table scanned afterwards holds nothing naming
 * the user, others' counts are right, a throttled table part-way fails a run and the next one finishes, and the
 * closed-account record names no one.
 */
class AccountErasureIT {

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final String moments = aws.table("MomentsTable");
    private final String feed = aws.table("FeedTable");
    private final String interactions = aws.table("InteractionsTable");
    private final String notifications = aws.table("NotificationsTable");
    private final String bucket = aws.bucket("MediaBucket");
    private final String secret = "0123456789abcdef0123456789abcdef-test";
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    /** Fails the n-th write call (Delete, BatchWrite, TransactWrite) as a throttled table would. */
    static final class FailNthWrite implements ExecutionInterceptor {
        final AtomicInteger writes = new AtomicInteger();
        volatile int failAt = -1;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if ((request instanceof DeleteItemRequest || request instanceof BatchWriteItemRequest
                    || request instanceof TransactWriteItemsRequest) && writes.incrementAndGet() == failAt) {
                throw ProvisionedThroughputExceededException.builder().message("injected throttling").build();
            }
            return request;
        }
    }

    record Ids(String user, String handle, String friend, String blocked, String blocker, String m1, String m2,
               String friendsMoment) {
        static Ids fresh() {
            String t = Long.toString(System.nanoTime(), 36);
            return new Ids("erase-" + t, "h" + t, "friend-" + t, "blocked-" + t, "blocker-" + t,
                    "01JM" + t.toUpperCase() + "A", "01JM" + t.toUpperCase() + "B", "01JM" + t.toUpperCase() + "F");
        }
    }

    private AccountErasure erasure(DynamoDbClient dynamo, RecordingPushGateway push, List<String> poolDeletes) {
        Backoff quick = Backoff.standard(millis -> { });
        UserDirectory directory = new UserDirectory() {
            @Override
            public void disable(String userId) {
            }

            @Override
            public void delete(String userId) {
                poolDeletes.add(userId);
            }
        };
        return new AccountErasure(new DynamoErasureStore(dynamo, users, moments, feed, interactions, notifications, quick),
                new DynamoDeviceStore(dynamo, users), push, new DynamoMomentStore(dynamo, moments, users),
                new DynamoFeedStore(dynamo, feed, millis -> { }), new DynamoInteractionStore(dynamo, interactions, moments),
                new DynamoInteractionCleanup(dynamo, interactions, millis -> { }),
                new S3ErasableObjects(aws::s3, bucket), new S3ErasableObjects(aws::s3, "no-such-exports-bucket"),
                directory, new DynamoClosedAccounts(dynamo, users, secret, Clock.fixed(now, java.time.ZoneOffset.UTC)),
                (job, delay) -> { }, List.of(), Duration.ofHours(1), Duration.ofSeconds(60),
                Clock.fixed(now, java.time.ZoneOffset.UTC));
    }

    private void put(String table, String... attributes) {
        Map<String, AttributeValue> item = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            item.put(attributes[i], s(attributes[i + 1]));
        }
        aws.dynamo().putItem(r -> r.tableName(table).item(item));
    }

    private void moment(String momentId, String authorId, String status) {
        aws.dynamo().putItem(r -> r.tableName(moments).item(Map.of("momentId", s(momentId), "authorId", s(authorId),
                "status", s(status), "audience", s("friends"), "createdAt", s(now.toString()),
                "reactionCounts", AttributeValue.fromM(Map.of()), "commentCount", n(0),
                "images", AttributeValue.fromM(Map.of("back", AttributeValue.fromM(Map.of("status", s("ready"))))))));
    }

    /** Builds the user with everything, on both sides of every edge. */
    private Ids build() {
        Ids id = Ids.fresh();
        String u = id.user();
        put(users, "pk", "USER#" + u, "sk", "PROFILE", "userId", u, "handle", id.handle(), "campusId", "uni", "schoolEmail", "hash" + u);
        put(users, "pk", "HANDLE#" + id.handle(), "sk", "HANDLE", "userId", u);
        put(users, "pk", "SCHOOL_EMAIL#hash" + u, "sk", "CLAIM", "userId", u, "campusId", "uni");
        put(users, "pk", "CAMPUS#uni", "sk", "MEMBER#" + u, "userId", u);
        put(users, "pk", "USER#" + u, "sk", "FRIEND#" + id.friend(), "userId", u, "friendId", id.friend());
        put(users, "pk", "USER#" + id.friend(), "sk", "FRIEND#" + u, "userId", id.friend(), "friendId", u);
        put(users, "pk", "USER#" + id.friend(), "sk", "PROFILE", "userId", id.friend(), "handle", "k" + id.handle().substring(1));
        put(users, "pk", "USER#" + u, "sk", "BLOCK#" + id.blocked(), "userId", u, "blockedId", id.blocked());
        put(users, "pk", "USER#" + id.blocked(), "sk", "BLOCKED_BY#" + u, "userId", id.blocked(), "blockerId", u);
        put(users, "pk", "USER#" + id.blocker(), "sk", "BLOCK#" + u, "userId", id.blocker(), "blockedId", u);
        put(users, "pk", "USER#" + u, "sk", "BLOCKED_BY#" + id.blocker(), "userId", u, "blockerId", id.blocker());
        put(users, "pk", "USER#" + id.blocker(), "sk", "COOLDOWN#" + u, "userId", id.blocker(), "otherId", u);
        put(users, "pk", "USER#" + u, "sk", "NOTIFICATION_SETTINGS", "quietStart", "22:00");
        put(users, "pk", "USER#" + u, "sk", "QUOTA#MOMENTS#1", "used", "1");
        new DynamoDeviceStore(aws.dynamo(), users).register(new Device(u, "dev" + u, PushPlatform.FCM, "tok" + u,
                "arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/" + u, now));
        // the user's two moments (one published with two images, one pending), entries, others' reactions on them
        moment(id.m1(), u, "published");
        moment(id.m2(), u, "pending");
        moment(id.friendsMoment(), id.friend(), "published");
        for (String key : List.of("media/" + id.m1() + "/back.jpg", "media/" + id.m1() + "/back-thumb.jpg",
                "media/" + id.m1() + "/front.jpg", "media/" + id.m1() + "/front-thumb.jpg", "uploads/" + u + "/" + id.m2() + "/back",
                "media/" + id.friendsMoment() + "/back.jpg")) {
            aws.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("jpeg"));
        }
        for (String recipient : List.of(u, id.friend())) {
            put(feed, "pk", "USER#" + recipient, "sk", id.m1(), "momentId", id.m1(), "authorId", u);
            put(feed, "pk", "USER#" + recipient, "sk", id.friendsMoment(), "momentId", id.friendsMoment(), "authorId", id.friend());
        }
        put(feed, "pk", "CAMPUS#uni#2026-12-02#1", "sk", id.m1(), "momentId", id.m1(), "authorId", u);
        DynamoInteractionStore store = new DynamoInteractionStore(aws.dynamo(), interactions, moments);
        store.react(new Reaction(id.m1(), id.friend(), "👍", now), null);
        store.addComment(new Comment("01JC" + u.toUpperCase().replace("-", ""), id.m1(), id.friend(), "hi", now), null);
        // the user's reaction, comment (with an idempotency key) on the friend's moment, beside the friend's own
        store.react(new Reaction(id.friendsMoment(), u, "🔥", now), null);
        store.react(new Reaction(id.friendsMoment(), id.friend(), "🔥", now), null);
        store.addComment(new Comment("01JD" + u.toUpperCase().replace("-", ""), id.friendsMoment(), u, "nice " + id.handle(), now), "key1");
        store.addComment(new Comment("01JE" + u.toUpperCase().replace("-", ""), id.friendsMoment(), id.friend(), "thanks", now), null);
        // inbox items both ways
        put(notifications, "pk", "USER#" + u, "sk", "N#1", "type", "friend_request", "actorId", id.blocker());
        put(notifications, "pk", "USER#" + u, "sk", "READ", "upTo", "1");
        put(notifications, "pk", "USER#" + u, "sk", "PUSH#" + id.m1(), "held", "1");
        put(notifications, "pk", "USER#" + id.friend(), "sk", "N#2", "type", "reaction", "actorId", u, "momentId", id.friendsMoment());
        put(notifications, "pk", "USER#" + id.friend(), "sk", "N#3", "type", "comment", "momentId", id.friendsMoment());
        return id;
    }

    /** Every item of the five tables and every key of the bucket that contains one of the strings. */
    private List<String> naming(String... strings) {
        List<String> hits = new ArrayList<>();
        for (String table : List.of(users, moments, feed, interactions, notifications)) {
            aws.dynamo().scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
                String text = item.toString();
                for (String s : strings) {
                    if (text.contains(s)) {
                        hits.add(table + ": " + text);
                    }
                }
            });
        }
        aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket)).contents().forEach(object -> {
            for (String s : strings) {
                if (object.key().contains(s)) {
                    hits.add(bucket + ": " + object.key());
                }
            }
        });
        return hits;
    }

    private void assertOthersIntact(Ids id) {
        var friendsMoment = aws.dynamo().getItem(r -> r.tableName(moments).key(Map.of("momentId", s(id.friendsMoment())))).item();
        assertEquals("1", friendsMoment.get("reactionCounts").m().get("🔥").n(), "the friend's own reaction is counted");
        assertEquals("1", friendsMoment.get("commentCount").n(), "the friend's own comment is counted");
        assertTrue(aws.dynamo().getItem(r -> r.tableName(users).key(Map.of("pk", s("USER#" + id.friend()), "sk", s("PROFILE"))))
                .hasItem());
        assertTrue(aws.s3().listObjectsV2(r -> r.bucket(bucket).prefix("media/" + id.friendsMoment())).keyCount() == 1);
        assertEquals(1, aws.dynamo().query(r -> r.tableName(feed).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("USER#" + id.friend())))).count(), "the friend's own entry");
    }

    @Test
    void leavesNothingNamingTheUserAndTheCountsRight() {
        Ids id = build();
        assertTrue(naming(id.user()).size() > 20);
        List<String> poolDeletes = new ArrayList<>();
        RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM);
        AwsCallCounter calls = new AwsCallCounter();
        DynamoDbClient counted = Instrumented.client(aws.clients(), DynamoDbClient.builder(), calls);

        AccountErasure.Result result = erasure(counted, push, poolDeletes).erase(ErasureJob.of(id.user()));

        assertEquals(List.of(), naming(id.user(), id.handle(), id.m1(), id.m2()));
        assertOthersIntact(id);
        assertEquals(List.of("arn:aws:sns:us-east-1:000000000000:endpoint/GCM/app/" + id.user()), push.deleted);
        assertEquals(List.of(id.user()), poolDeletes);
        assertTrue(result.total() > 20, result.deleted().toString());
        // the closed-account record stays, naming no one, until the tokens have expired
        DynamoClosedAccounts closed = new DynamoClosedAccounts(aws.dynamo(), users, secret, Clock.fixed(now, java.time.ZoneOffset.UTC));
        assertEquals(ClosedAccounts.State.DELETING, closed.state(id.user()), "erased only after the sweep");
        assertTrue(closed.pk(id.user()).matches("CLOSED#[0-9a-f]{64}"));

        calls.reset();
        erasure(counted, push, poolDeletes).erase(new ErasureJob(id.user(), true, List.of(id.m2())));
        assertEquals(ClosedAccounts.State.ERASED, closed.state(id.user()));
        assertEquals(0, calls.count("DynamoDb.BatchWriteItem") + calls.count("DynamoDb.TransactWriteItems"),
                "a second run writes nothing but the closed-account record: " + calls.snapshot());
    }

    @Test
    void aThrottledTablePartWayFailsTheRunAndTheNextOneFinishes() {
        for (int failAt : new int[]{1, 4, 9, 15}) {
            Ids id = build();
            FailNthWrite fault = new FailNthWrite();
            fault.failAt = failAt;
            DynamoDbClient faulty = Instrumented.client(aws.clients(), DynamoDbClient.builder(), fault);
            List<String> poolDeletes = new ArrayList<>();
            RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM);
            assertThrows(RuntimeException.class, () -> erasure(faulty, push, poolDeletes).erase(ErasureJob.of(id.user())),
                    "fails at write " + failAt);
            assertEquals(List.of(), poolDeletes, "the pool user goes last");

            erasure(aws.dynamo(), push, poolDeletes).erase(ErasureJob.of(id.user()));

            assertEquals(List.of(), naming(id.user(), id.handle(), id.m1(), id.m2()), "resumed after write " + failAt);
            assertOthersIntact(id);
        }
    }
}
