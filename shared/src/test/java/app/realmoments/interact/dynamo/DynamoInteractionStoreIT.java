package app.realmoments.interact.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.dynamo.DynamoMembershipStore;
import app.realmoments.id.Ids;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionService;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoInteractionStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final List<String> EMOJIS = List.of("🔥", "😂", "❤️", "👍🏽");

    private final LocalAws aws = LocalAws.shared();
    private final String interactions = aws.table("InteractionsTable");
    private final String momentsTable = aws.table("MomentsTable");
    private final String users = aws.table("UsersTable");
    private final DynamoMomentStore moments = new DynamoMomentStore(aws.dynamo(), momentsTable, users);
    private final DynamoInteractionStore store = new DynamoInteractionStore(aws.dynamo(), interactions, momentsTable);
    private final Ids ids = new Ids();

    private String published(String authorId) {
        String id = ids.next(NOW);
        moments.create(new Moment(id, authorId, null, Audience.CAMPUS, "north", MomentStatus.PENDING, null, NOW, null,
                null, Map.of(ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 1000, false, null, null))),
                NOW.plusSeconds(3600));
        moments.markImageReady(id, ImageRole.BACK, 2048, 1536);
        assertTrue(moments.publishIfComplete(id, NOW));
        return id;
    }

    @Test
    void reactionsReplaceAndRemoveWithTheirCountsOnTheMoment() {
        String moment = published("ana-" + ids.next(NOW));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "ben", "🔥", NOW), null));
        assertEquals(InteractionStore.Outcome.RACED, store.react(new Reaction(moment, "ben", "😂", NOW), null),
                "a new reaction where one exists is a race");
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "ben", "😂", NOW), "🔥"));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "cai", "😂", NOW), null));
        assertEquals(Map.of("😂", 2), moments.find(moment).orElseThrow().reactionCounts());
        assertEquals(Map.of(moment, "😂"), store.of("ben", List.of(moment, ids.next(NOW))));

        assertEquals(InteractionStore.Outcome.RACED, store.unreact(moment, "ben", "🔥"));
        assertEquals(InteractionStore.Outcome.DONE, store.unreact(moment, "ben", "😂"));
        assertEquals(Map.of("😂", 1), moments.find(moment).orElseThrow().reactionCounts());
        assertTrue(store.reaction(moment, "ben").isEmpty());
    }

    @Test
    void aCountThatReachesZeroLeavesTheMomentItemSoCyclingEmojiNeverGrowsIt() {
        String moment = published("ana-" + ids.next(NOW));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "cai", "🔥", NOW), null));
        String previous = null;
        for (String emoji : List.of("😂", "❤️", "👍🏽", "🎉", "😮", "🙏", "😢", "🔥", "🤯", "💯")) {
            assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "ben", emoji, NOW), previous));
            previous = emoji;
        }
        var stored = aws.dynamo().getItem(r -> r.tableName(momentsTable).key(Map.of("momentId", AttributeValue.fromS(moment)))
                .consistentRead(true)).item().get("reactionCounts").m();
        assertEquals(Map.of("🔥", AttributeValue.fromN("1"), "💯", AttributeValue.fromN("1")), stored,
                "only the emoji someone holds now, no zero left behind");

        assertEquals(InteractionStore.Outcome.DONE, store.unreact(moment, "ben", "💯"));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "dee", "🔥", NOW), null));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "dee", "😂", NOW), "🔥"));
        assertEquals(Map.of("🔥", 1, "😂", 1), moments.find(moment).orElseThrow().reactionCounts());
        var after = aws.dynamo().getItem(r -> r.tableName(momentsTable).key(Map.of("momentId", AttributeValue.fromS(moment)))
                .consistentRead(true)).item().get("reactionCounts").m();
        assertEquals(2, after.size(), after.toString());
    }

    @Test
    void aGoneOrPendingMomentTakesNothingAndIsNotRecreated() {
        String gone = ids.next(NOW);
        assertEquals(InteractionStore.Outcome.MOMENT_GONE, store.react(new Reaction(gone, "ben", "🔥", NOW), null));
        assertEquals(InteractionStore.Outcome.MOMENT_GONE,
                store.addComment(new Comment(ids.next(NOW), gone, "ben", "hi", NOW)));
        assertTrue(moments.find(gone).isEmpty());
        assertTrue(store.reaction(gone, "ben").isEmpty());
    }

    @Test
    void aMomentStoredBeforeCountsExistedGetsThemOnItsFirstReaction() {
        String moment = ids.next(NOW);
        Map<String, AttributeValue> legacy = new HashMap<>(Map.of("momentId", AttributeValue.fromS(moment),
                "authorId", AttributeValue.fromS("ana"), "audience", AttributeValue.fromS("friends"),
                "status", AttributeValue.fromS("published"), "createdAt", AttributeValue.fromS(NOW.toString()),
                "images", AttributeValue.fromM(Map.of())));
        aws.dynamo().putItem(r -> r.tableName(momentsTable).item(legacy));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(moment, "ben", "🔥", NOW), null));
        assertEquals(Map.of("🔥", 1), moments.find(moment).orElseThrow().reactionCounts());
    }

    @Test
    void commentsPageOldestFirstAndCountOnTheMoment() {
        String moment = published("ana");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Comment comment = new Comment(ids.next(NOW.plusSeconds(i)), moment, "ben", "c" + i, NOW.plusSeconds(i));
            assertEquals(InteractionStore.Outcome.DONE, store.addComment(comment));
            written.add(comment.commentId());
        }
        InteractionStore.Slice first = store.comments(moment, 3, null);
        InteractionStore.Slice rest = store.comments(moment, 3, first.next());
        List<String> read = new ArrayList<>();
        first.comments().forEach(c -> read.add(c.commentId()));
        rest.comments().forEach(c -> read.add(c.commentId()));
        assertEquals(written, read);
        assertEquals("c0", first.comments().getFirst().text());
        assertEquals(5, moments.find(moment).orElseThrow().commentCount());

        assertEquals(InteractionStore.Outcome.DONE, store.deleteComment(moment, written.get(1)));
        assertEquals(InteractionStore.Outcome.RACED, store.deleteComment(moment, written.get(1)), "already gone");
        assertEquals(4, moments.find(moment).orElseThrow().commentCount());
    }

    @Test
    void aCommentWithAnIdempotencyKeyIsWrittenOnceWithItsMarkerAndTheMarkerIsNotListed() {
        String moment = published("ana");
        Comment first = new Comment(ids.next(NOW), moment, "ben", "hi", NOW);
        Comment retry = new Comment(ids.next(NOW.plusSeconds(1)), moment, "ben", "hi", NOW.plusSeconds(1));
        assertEquals(InteractionStore.Outcome.DONE, store.addComment(first, "tap-1"));
        assertEquals(InteractionStore.Outcome.DUPLICATE, store.addComment(retry, "tap-1"));
        assertEquals(java.util.Optional.of(first.commentId()), store.commentIdForKey(moment, "ben", "tap-1"));
        assertEquals(java.util.Optional.empty(), store.commentIdForKey(moment, "dee", "tap-1"));
        assertEquals(List.of(first.commentId()), store.comments(moment, 10, null).comments().stream()
                .map(Comment::commentId).toList());
        assertEquals(1, moments.find(moment).orElseThrow().commentCount());
    }

    @Test
    void aHiddenCommentIsStoredWithHiddenTrueReadBackHiddenAndItsStreamInsertNotifiesNobody() {
        String moment = published("ana");
        Comment hidden = new Comment(ids.next(NOW), moment, "ben", "badword-test", NOW, true);
        assertEquals(InteractionStore.Outcome.DONE, store.addComment(hidden));

        var item = aws.dynamo().getItem(r -> r.tableName(interactions).key(Map.of(
                "pk", AttributeValue.fromS("MOMENT#" + moment), "sk", AttributeValue.fromS("COMMENT#" + hidden.commentId()))))
                .item();
        assertEquals(Boolean.TRUE, item.get("hidden").bool());
        assertEquals(hidden, store.comment(moment, hidden.commentId()).orElseThrow());
        assertTrue(store.comments(moment, 10, null).comments().getFirst().hidden());
        var keys = Map.of("pk", item.get("pk"), "sk", item.get("sk"));
        assertTrue(DynamoInteractionStore.changeOf("INSERT", keys, null, item).isEmpty(), "nobody is told of it");
        Comment shown = new Comment(ids.next(NOW), moment, "ben", "hi", NOW);
        store.addComment(shown);
        assertFalse(store.comment(moment, shown.commentId()).orElseThrow().hidden());
    }

    /** 10 comments on one moment at once: their transactions conflict on the moment, yet all succeed. */
    @Test
    void concurrentCommentsOnOneMomentAllSucceed() throws Exception {
        String moment = published("ana");
        int writers = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<InteractionStore.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                Comment comment = new Comment(ids.next(NOW), moment, "u" + i, "c" + i, NOW);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return store.addComment(comment);
                }));
            }
            start.countDown();
            for (Future<InteractionStore.Outcome> outcome : outcomes) {
                assertEquals(InteractionStore.Outcome.DONE, outcome.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(writers, store.comments(moment, 50, null).comments().size());
        assertEquals(writers, moments.find(moment).orElseThrow().commentCount());
    }

    /** 20 users react and change their minds at once: every count equals the reaction items of its emoji. */
    @Test
    void concurrentReactionsAndReplacementsLoseNoCount() throws Exception {
        String author = "ana-" + ids.next(NOW);
        String moment = published(author);
        var profiles = new DynamoProfileStore(aws.dynamo(), users);
        var membership = new DynamoMembershipStore(aws.dynamo(), users);
        profiles.save(new Profile(author, author.toLowerCase(), "Ana", null, NOW, NOW, null), null);
        membership.grant(author, "north", NOW);
        List<String> reactors = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String user = "r" + i + "-" + ids.next(NOW);
            reactors.add(user);
            profiles.save(new Profile(user, user.toLowerCase(), "R" + i, null, NOW, NOW, null), null);
            membership.grant(user, "north", NOW);
        }
        var graph = new DynamoSocialGraph(aws.dynamo(), users);
        InteractionService service = new InteractionService(moments, profiles, new MomentVisibility(graph, profiles), graph,
                store, new Cursors("test-cursor-signing-key-0123456789abcdef"), ids,
                Clock.systemUTC(), Services.noQuotas());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (int i = 0; i < reactors.size(); i++) {
                String user = reactors.get(i);
                int n = i;
                calls.add(() -> {
                    service.react(user, moment, new InteractionService.NewReaction(EMOJIS.get(n % 4)));
                    service.react(user, moment, new InteractionService.NewReaction(EMOJIS.get((n + 1) % 4)));
                    if (n % 5 == 0) {
                        service.unreact(user, moment);
                    }
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(calls)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Integer> items = new HashMap<>();
        for (String user : reactors) {
            store.reaction(moment, user).ifPresent(r -> items.merge(r.emoji(), 1, Integer::sum));
        }
        assertEquals(16, items.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(items, moments.find(moment).orElseThrow().reactionCounts());
    }
}
