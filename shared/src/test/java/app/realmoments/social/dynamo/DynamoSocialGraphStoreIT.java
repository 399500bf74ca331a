package app.realmoments.social.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.Attrs;
import app.realmoments.error.Problem;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.BlockService;
import app.realmoments.social.Friendship;
import app.realmoments.social.FriendshipService;
import app.realmoments.social.Relation;
import app.realmoments.social.SocialGraphStore;
import app.realmoments.social.UserIds;
import app.realmoments.social.UserView;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The social graph's changes against the template's UsersTable in the emulator: both sides of every
 * edge in one transaction, the preconditions as conditions, and the races the conditions settle.
 *
 * <p>Races are staged, not left to chance: both contenders read before either writes (a barrier or a
 * latch between the read and the write), which is the window the conditions exist for. Their
 * transactions then reach the emulator one after the other, because moto runs a transaction without
 * isolation (it snapshots the whole table and restores that snapshot when a condition fails, undoing
 * whatever another request committed meanwhile); DynamoDB serializes transactions on the same items
 * itself, cancelling the loser with ConditionalCheckFailed or TransactionConflict, and the adapter
 * answers both the same way.
 */
class DynamoSocialGraphStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final LocalAws aws = LocalAws.shared();
    private final String table = aws.table("UsersTable");
    private final DynamoSocialGraph graph = new DynamoSocialGraph(aws.dynamo(), table);
    private final DynamoProfileStore profiles = new DynamoProfileStore(aws.dynamo(), table);
    private final Cursors cursors = new Cursors("integration-test-cursor-key-0123456789");
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    private final String ana = user("ana");
    private final String ben = user("ben");

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aRequestAndItsAcceptanceWriteBothSidesAtOnce() {
        assertTrue(graph.request(ana, ben, NOW));
        assertEquals(Set.of("REQ_OUT#" + ben), edges(ana));
        assertEquals(Set.of("REQ_IN#" + ana), edges(ben));
        assertEquals(Map.of("userId", ana, "toId", ben, "createdAt", "2026-11-29T12:00:00Z"), attributes(ana, "REQ_OUT#" + ben));
        assertEquals(Map.of("userId", ben, "fromId", ana, "createdAt", "2026-11-29T12:00:00Z"), attributes(ben, "REQ_IN#" + ana));
        assertEquals(new Relation(false, true, false, false, false, null), graph.relation(ana, ben));
        assertEquals(new Relation(false, false, true, false, false, null), graph.relation(ben, ana));

        assertFalse(graph.request(ana, ben, NOW), "a second request");
        assertFalse(graph.request(ben, ana, NOW), "a crossing request (it must be an acceptance)");
        assertFalse(graph.accept(ana, ben, NOW), "one's own request");

        assertTrue(graph.accept(ben, ana, NOW.plusSeconds(5)));
        assertEquals(Set.of("FRIEND#" + ben), edges(ana));
        assertEquals(Set.of("FRIEND#" + ana), edges(ben));
        assertEquals(Map.of("userId", ana, "friendId", ben, "since", "2026-11-29T12:00:05Z", "acceptedBy", ben),
                attributes(ana, "FRIEND#" + ben), "who accepted: the stream's follow-up notifies the other");
        assertTrue(graph.areFriends(ana, ben) && graph.areFriends(ben, ana));
        assertFalse(graph.accept(ben, ana, NOW), "accepted once only");
        assertFalse(graph.request(ana, ben, NOW), "friends already");

        assertTrue(graph.unfriend(ben, ana));
        assertEquals(Set.of(), edges(ana));
        assertEquals(Set.of(), edges(ben));
        assertFalse(graph.unfriend(ben, ana));
    }

    @Test
    void withdrawingARequestRemovesBothSidesAndOnlyOnce() {
        assertTrue(graph.request(ana, ben, NOW));
        assertTrue(graph.withdraw(ana, ben, NOW.plusSeconds(3600)));
        assertEquals(Set.of("COOLDOWN#" + ben), edges(ana), "only the wait before Ana may ask again");
        assertEquals(Set.of(), edges(ben));
        assertFalse(graph.withdraw(ana, ben, NOW.plusSeconds(3600)));
    }

    @Test
    void aWithdrawnOrDeclinedRequestCannotBeSentAgainBeforeItsCooldownEnds() {
        assertTrue(graph.request(ana, ben, NOW));
        assertTrue(graph.withdraw(ana, ben, NOW.plusSeconds(3600)));
        assertEquals(NOW.plusSeconds(3600), graph.relation(ana, ben).requestAgainAt());
        assertEquals(Long.toString(NOW.plusSeconds(3600).getEpochSecond()), aws.dynamo().getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("USER#" + ana), "sk", AttributeValue.fromS("COOLDOWN#" + ben))))
                .item().get("expiresAt").n(), "the cooldown removes itself by TTL");

        assertFalse(graph.request(ana, ben, NOW.plusSeconds(60)), "within the hour");
        assertTrue(graph.request(ben, ana, NOW.plusSeconds(60)), "the other way is not held back");
        assertTrue(graph.withdraw(ben, ana, NOW.plusSeconds(60)));
        assertTrue(graph.request(ana, ben, NOW.plusSeconds(3600)), "once it has passed");
    }

    @Test
    void aBlockEndsFriendshipAndRequestsInTheSameWriteAndRefusesNewOnes() {
        String cleo = user("cleo");
        String dan = user("dan");
        assertTrue(graph.request(ana, ben, NOW));
        assertTrue(graph.accept(ben, ana, NOW));
        assertTrue(graph.request(ana, cleo, NOW));
        assertTrue(graph.request(dan, ana, NOW));

        graph.block(ana, ben, NOW);
        graph.block(ana, cleo, NOW);
        graph.block(ana, dan, NOW);

        assertEquals(Set.of("BLOCK#" + ben, "BLOCK#" + cleo, "BLOCK#" + dan), edges(ana));
        assertEquals(Set.of("BLOCKED_BY#" + ana), edges(ben));
        assertEquals(Set.of("BLOCKED_BY#" + ana), edges(cleo));
        assertEquals(Set.of("BLOCKED_BY#" + ana), edges(dan));
        assertEquals(Map.of("userId", ana, "blockedId", ben, "blockedAt", "2026-11-29T12:00:00Z"), attributes(ana, "BLOCK#" + ben));
        assertEquals(Map.of("userId", ben, "blockerId", ana, "blockedAt", "2026-11-29T12:00:00Z"), attributes(ben, "BLOCKED_BY#" + ana));
        assertTrue(graph.blockedEitherWay(ben, ana), "what visibility reads agrees");
        assertEquals(new Relation(false, false, false, false, true, null), graph.relation(ben, ana));

        assertFalse(graph.request(ben, ana, NOW), "to the blocker");
        assertFalse(graph.request(ana, ben, NOW), "to the blocked");
        graph.block(ana, ben, NOW.plusSeconds(60));
        assertEquals("2026-11-29T12:00:00Z", attributes(ana, "BLOCK#" + ben).get("blockedAt"), "the first block is kept");

        assertTrue(graph.unblock(ana, ben));
        assertFalse(graph.unblock(ana, ben));
        assertEquals(Set.of(), edges(ben));
        assertEquals(Relation.NONE, graph.relation(ana, ben));
    }

    @Test
    void listsArePagedWithoutAnEmptyLastPageAndRequestsComeNewestFirst() {
        List<String> friends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String friend = user("f" + i);
            friends.add(friend);
            assertTrue(graph.request(friend, ana, NOW.plusSeconds(i)));
        }
        assertEquals(friends.reversed(), graph.incomingRequests(ana, 10).stream().map(SocialGraphStore.Link::userId).toList());
        assertEquals(friends.reversed().subList(0, 2), graph.incomingRequests(ana, 2).stream().map(SocialGraphStore.Link::userId).toList());
        assertEquals(List.of(new SocialGraphStore.Link(ana, NOW.plusSeconds(3))), graph.outgoingRequests(friends.get(3), 10));
        friends.forEach(friend -> assertTrue(graph.accept(ana, friend, NOW)));

        List<String> seen = new ArrayList<>();
        Map<String, String> position = null;
        int slices = 0;
        do {
            SocialGraphStore.Slice slice = graph.friends(ana, 2, position);
            slice.links().forEach(link -> seen.add(link.userId()));
            position = slice.next();
            slices++;
        } while (position != null);
        assertEquals(3, slices);
        assertEquals(friends.stream().sorted().toList(), seen);
        SocialGraphStore.Slice exact = graph.friends(ana, 5, null);
        assertEquals(5, exact.links().size());
        assertNull(exact.next(), "no empty page after a full one");
        assertEquals(NOW, exact.links().getFirst().at());
    }

    @Test
    void ofTwoConcurrentAcceptsOfOneRequestExactlyOneMakesTheFriendship() throws Exception {
        assertTrue(graph.request(ben, ana, NOW));
        Staged staged = new Staged(graph);
        CyclicBarrier bothRead = new CyclicBarrier(2);
        staged.beforeFirstWrite = () -> await(bothRead);
        FriendshipService friendships = service(staged);

        List<Future<UserView>> accepts = List.of(threads.submit(() -> friendships.accept(ana, ben)),
                threads.submit(() -> friendships.accept(ana, ben)));

        for (Future<UserView> accept : accepts) {
            assertEquals(Friendship.FRIENDS, accept.get(30, TimeUnit.SECONDS).friendship());
        }
        assertEquals(1, staged.refused, "the second transaction's condition failed");
        assertEquals(Set.of("FRIEND#" + ben), edges(ana));
        assertEquals(Set.of("FRIEND#" + ana), edges(ben));
    }

    @Test
    void aRequestThatLosesTheRaceToABlockIsNotFoundAndLeavesOnlyTheBlock() throws Exception {
        Staged staged = new Staged(graph);
        CountDownLatch blocked = new CountDownLatch(1);
        staged.beforeFirstWrite = () -> await(blocked);
        FriendshipService friendships = service(staged);
        BlockService blocks = Services.blocks(graph, profiles, cursors, Clock.fixed(NOW, ZoneOffset.UTC));

        Future<UserView> request = threads.submit(() -> friendships.request(ana, new FriendshipService.NewRequest(ben)));
        assertTrue(staged.read.await(30, TimeUnit.SECONDS)); // Ana has seen no block yet
        blocks.block(ben, ana);
        blocked.countDown();

        Exception failure = assertThrows(Exception.class, () -> request.get(30, TimeUnit.SECONDS));
        Problem problem = (Problem) failure.getCause();
        assertEquals(404, problem.kind().status);
        assertEquals(UserIds.unknownUser().getMessage(), problem.getMessage());
        assertEquals(Set.of("BLOCKED_BY#" + ben), edges(ana));
        assertEquals(Set.of("BLOCK#" + ana), edges(ben));
    }

    @Test
    void aBlockAfterTheRequestOrTheAcceptanceLeavesNoRequestOrFriendshipAcrossIt() {
        FriendshipService friendships = service(graph);
        BlockService blocks = Services.blocks(graph, profiles, cursors, Clock.fixed(NOW, ZoneOffset.UTC));
        friendships.request(ana, new FriendshipService.NewRequest(ben));
        blocks.block(ben, ana);
        assertEquals(Set.of("BLOCKED_BY#" + ben), edges(ana));

        String cleo = user("cleo");
        friendships.request(cleo, new FriendshipService.NewRequest(ana));
        friendships.request(ana, new FriendshipService.NewRequest(cleo)); // crossing: they are friends now
        blocks.block(ana, cleo);
        assertEquals(Set.of("BLOCK#" + cleo), edges(ana).stream().filter(e -> e.contains(cleo)).collect(java.util.stream.Collectors.toSet()));
        assertEquals(Set.of("BLOCKED_BY#" + ana), edges(cleo));
    }

    @Test
    void anAcceptanceThatLosesTheRaceToABlockMakesNoFriendship() throws Exception {
        assertTrue(graph.request(ben, ana, NOW));
        Staged staged = new Staged(graph);
        CountDownLatch blocked = new CountDownLatch(1);
        staged.beforeFirstWrite = () -> await(blocked);
        FriendshipService friendships = service(staged);
        BlockService blocks = Services.blocks(graph, profiles, cursors, Clock.fixed(NOW, ZoneOffset.UTC));

        // Ana asks Ben, who already asked her: an acceptance, decided on a read from before Ben's block
        Future<UserView> request = threads.submit(() -> friendships.request(ana, new FriendshipService.NewRequest(ben)));
        assertTrue(staged.read.await(30, TimeUnit.SECONDS));
        blocks.block(ben, ana);
        blocked.countDown();

        assertEquals(404, ((Problem) assertThrows(Exception.class, () -> request.get(30, TimeUnit.SECONDS)).getCause())
                .kind().status);
        assertEquals(Set.of("BLOCKED_BY#" + ben), edges(ana));
        assertEquals(Set.of("BLOCK#" + ana), edges(ben));
    }

    // ------------------------------------------------------------------ helpers

    private FriendshipService service(SocialGraphStore store) {
        return Services.friendships(store, profiles, cursors, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** A user with a profile, under a fresh Cognito-like id. */
    private String user(String name) {
        String id = UUID.randomUUID().toString();
        String handle = name + "_" + id.substring(0, 8);
        profiles.save(new Profile(id, handle, name, "north", NOW, NOW, null), null);
        return id;
    }

    /** The social edges in the user's partition (the profile left out). */
    private Set<String> edges(String userId) {
        Set<String> sks = new TreeSet<>();
        aws.dynamo().query(r -> r.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + userId))).consistentRead(true))
                .items().forEach(item -> sks.add(item.get("sk").s()));
        sks.remove("PROFILE");
        return sks;
    }

    private Map<String, String> attributes(String userId, String sk) {
        Map<String, AttributeValue> item = aws.dynamo().getItem(r -> r.tableName(table)
                .key(Attrs.key("USER#" + userId, sk)).consistentRead(true)).item();
        Map<String, String> out = new java.util.HashMap<>();
        item.forEach((name, value) -> {
            if (!name.equals("pk") && !name.equals("sk")) {
                out.put(name, value.s());
            }
        });
        return out;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The real store with the race staged: {@code read} opens once a relation has been read,
     * {@code beforeFirstWrite} holds each thread's first change until the other contender is ready,
     * and the changes then reach the emulator one at a time (see the class comment).
     */
    private static final class Staged implements SocialGraphStore {

        private final SocialGraphStore store;
        private final ReentrantLock oneTransactionAtATime = new ReentrantLock();
        private final ThreadLocal<Boolean> wrote = ThreadLocal.withInitial(() -> false);
        final CountDownLatch read = new CountDownLatch(1);
        volatile Runnable beforeFirstWrite = () -> { };
        volatile int refused;

        Staged(SocialGraphStore store) {
            this.store = store;
        }

        private boolean change(java.util.function.BooleanSupplier write) {
            if (!wrote.get()) {
                wrote.set(true);
                beforeFirstWrite.run();
            }
            oneTransactionAtATime.lock();
            try {
                boolean done = write.getAsBoolean();
                if (!done) {
                    refused++;
                }
                return done;
            } finally {
                oneTransactionAtATime.unlock();
            }
        }

        @Override
        public Relation relation(String me, String other) {
            Relation relation = store.relation(me, other);
            read.countDown();
            return relation;
        }

        @Override
        public boolean request(String from, String to, Instant at) {
            return change(() -> store.request(from, to, at));
        }

        @Override
        public boolean accept(String acceptor, String requester, Instant at) {
            return change(() -> store.accept(acceptor, requester, at));
        }

        @Override
        public boolean withdraw(String from, String to, Instant requestAgainAt) {
            return change(() -> store.withdraw(from, to, requestAgainAt));
        }

        @Override
        public boolean unfriend(String a, String b) {
            return change(() -> store.unfriend(a, b));
        }

        @Override
        public void block(String blocker, String blocked, Instant at) {
            change(() -> {
                store.block(blocker, blocked, at);
                return true;
            });
        }

        @Override
        public boolean unblock(String blocker, String blocked) {
            return change(() -> store.unblock(blocker, blocked));
        }

        @Override
        public Slice friends(String userId, int limit, Map<String, String> position) {
            return store.friends(userId, limit, position);
        }

        @Override
        public Slice blocked(String userId, int limit, Map<String, String> position) {
            return store.blocked(userId, limit, position);
        }

        @Override
        public List<Link> incomingRequests(String userId, int max) {
            return store.incomingRequests(userId, max);
        }

        @Override
        public List<Link> outgoingRequests(String userId, int max) {
            return store.outgoingRequests(userId, max);
        }
    }
}
