package app.realmoments.interact;

import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.activity.ActivityRules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InteractionServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryInteractionStore store = new InMemoryInteractionStore(moments);
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final Ids ids = new Ids();
    private final TickingClock clock = new TickingClock();
    private final InteractionService service = new InteractionService(moments, profiles, new MomentVisibility(graph, profiles),
            graph, store, new Cursors("test-cursor-signing-key-0123456789abcdef"), ids, clock, Services.noQuotas());
    {
        store.onChange = new ActivityRules(queue, new InMemoryFeedStore(), moments)::followUp; // the stream relay's part
    }

    private String friendsMoment;
    private String campusMoment;

    /** Each read of the time is a second later, so ids and causes differ as in real life. */
    static final class TickingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }
    }

    @BeforeEach
    void ana() {
        for (String user : List.of("ana", "ben", "cai", "dee", "eve")) {
            profiles.save(new Profile(user, user, user.toUpperCase(), user.equals("eve") ? "south" : "north", T0, T0, null), null);
        }
        graph.friends("ana", "ben").friends("ana", "dee");
        friendsMoment = publish(Audience.FRIENDS);
        campusMoment = publish(Audience.CAMPUS);
    }

    private String publish(Audience audience) {
        String id = ids.next(T0);
        moments.create(new Moment(id, "ana", "hi", audience, "north", MomentStatus.PUBLISHED, null, T0, T0, null,
                Map.of()), T0);
        return id;
    }

    private MomentView.Reactions react(String user, String emoji) {
        return service.react(user, friendsMoment, new InteractionService.NewReaction(emoji));
    }

    @Test
    void oneReactionPerUserReplacedAndRemovedKeepsCountsRight() {
        react("ben", "🔥");
        MomentView.Reactions afterDee = react("dee", "🔥");
        assertEquals(Map.of("🔥", 2), afterDee.counts());
        assertEquals("🔥", afterDee.mine());

        MomentView.Reactions replaced = react("ben", "😂");
        assertEquals(Map.of("🔥", 1, "😂", 1), replaced.counts());
        assertEquals("😂", replaced.mine());

        service.unreact("ben", friendsMoment);
        assertEquals(Map.of("🔥", 1), moments.get(friendsMoment).reactionCounts());
        service.unreact("ben", friendsMoment); // nothing to remove: done already
        assertEquals(Map.of("🔥", 1), moments.get(friendsMoment).reactionCounts());
    }

    @Test
    void theSameReactionTwiceCountsOnceAndNotifiesOnce() {
        react("ben", "🔥");
        react("ben", "🔥");
        assertEquals(Map.of("🔥", 1), moments.get(friendsMoment).reactionCounts());
        assertEquals(1, queue.sent.size(), "a retried request changes nothing, so nothing more follows");
        assertEquals(NotificationType.REACTION, queue.sent.get(0).type());
        assertEquals("ana", queue.sent.get(0).recipientId());
        assertEquals("ben", queue.sent.get(0).actorId());
    }

    @Test
    void aConcurrentChangeOfTheSameReactionIsDecidedAgain() {
        store.beforeNextChange = () -> store.react(new Reaction(friendsMoment, "ben", "😂", T0), null);
        react("ben", "🔥");
        assertNull(store.beforeNextChange, "the concurrent change ran between the read and the write");
        assertEquals(Map.of("🔥", 1), moments.get(friendsMoment).reactionCounts());
    }

    @Test
    void noNotificationForYourOwnActions() {
        react("ana", "🔥");
        service.comment("ana", friendsMoment, new InteractionService.NewComment("mine"));
        assertTrue(queue.sent.isEmpty());
    }

    @Test
    void aCommentNotifiesTheAuthorAndCountsOnTheMoment() {
        InteractionService.CommentView comment = service.comment("ben", friendsMoment,
                new InteractionService.NewComment("  nice light  "));
        assertEquals("nice light", comment.text());
        assertEquals("ben", comment.author().handle());
        assertEquals(1, moments.get(friendsMoment).commentCount());
        assertEquals(NotificationType.COMMENT, queue.sent.getFirst().type());
        assertEquals("ana", queue.sent.getFirst().recipientId());
    }

    @Test
    void aRetriedCommentWithTheSameIdempotencyKeyMakesOneComment() {
        InteractionService.CommentView first = service.comment("ben", friendsMoment,
                new InteractionService.NewComment("nice light"), "tap-1");
        InteractionService.CommentView retry = service.comment("ben", friendsMoment,
                new InteractionService.NewComment("nice light"), "tap-1");
        assertEquals(first, retry);
        assertEquals(1, moments.get(friendsMoment).commentCount());
        assertEquals(1, queue.sent.size(), "the author is told once");

        // the key is the caller's: another user's same key is another comment; a new key, a new comment
        service.comment("dee", friendsMoment, new InteractionService.NewComment("nice light"), "tap-1");
        service.comment("ben", friendsMoment, new InteractionService.NewComment("nice light"), "tap-2");
        assertEquals(3, moments.get(friendsMoment).commentCount());

        Problem reused = assertThrows(Problem.class, () -> service.comment("ben", friendsMoment,
                new InteractionService.NewComment("something else"), "tap-1"));
        assertEquals(409, reused.kind().status);
        service.deleteComment("ben", friendsMoment, first.commentId());
        assertEquals(409, assertThrows(Problem.class, () -> service.comment("ben", friendsMoment,
                new InteractionService.NewComment("nice light"), "tap-1")).kind().status);
    }

    @Test
    void aRetryRacingTheFirstRequestAnswersTheFirstsComment() {
        // the retry passes the "made already?" check before the first request writes, then loses the write
        InteractionService.CommentView[] first = new InteractionService.CommentView[1];
        store.beforeNextChange = () -> first[0] = service.comment("ben", friendsMoment,
                new InteractionService.NewComment("nice light"), "tap-1");
        InteractionService.CommentView retry = service.comment("ben", friendsMoment,
                new InteractionService.NewComment("nice light"), "tap-1");
        assertEquals(first[0], retry);
        assertEquals(1, moments.get(friendsMoment).commentCount());
    }

    @Test
    void badInputIsA400NamingTheField() {
        for (String emoji : new String[] {null, "", "ab", "🔥🔥", "1"}) {
            Problem p = assertThrows(Problem.class, () -> react("ben", emoji));
            assertEquals(400, p.kind().status);
            assertEquals("emoji", p.field());
        }
        for (String text : new String[] {null, "", "   ", "x".repeat(1001)}) {
            Problem p = assertThrows(Problem.class,
                    () -> service.comment("ben", friendsMoment, new InteractionService.NewComment(text)));
            assertEquals("text", p.field());
        }
        service.comment("ben", friendsMoment, new InteractionService.NewComment("😀".repeat(1000)));
    }

    @Test
    void whoeverMayNotSeeTheMomentGetsTheMissingMoments404() {
        graph.block("dee", "ana");
        String missing = ids.next(T0);
        for (String caller : List.of("cai", "dee", "eve")) {
            Problem hidden = assertThrows(Problem.class, () -> react(caller, "🔥"));
            Problem none = assertThrows(Problem.class,
                    () -> service.react(caller, missing, new InteractionService.NewReaction("🔥")));
            assertEquals(404, hidden.kind().status, caller);
            assertEquals(none.getMessage(), hidden.getMessage(), caller);
            assertEquals(404, assertThrows(Problem.class, () -> service.unreact(caller, friendsMoment)).kind().status);
            assertEquals(404, assertThrows(Problem.class, () -> service.comments(caller, friendsMoment, 20, null))
                    .kind().status);
            assertEquals(404, assertThrows(Problem.class, () -> service.comment(caller, friendsMoment,
                    new InteractionService.NewComment("hi"))).kind().status);
        }
        assertEquals(404, assertThrows(Problem.class,
                () -> service.react("ben", "not-an-id", new InteractionService.NewReaction("🔥"))).kind().status);
        // a campus moment: same-campus strangers may react, other campuses may not
        service.react("cai", campusMoment, new InteractionService.NewReaction("🔥"));
        assertEquals(404, assertThrows(Problem.class,
                () -> service.react("eve", campusMoment, new InteractionService.NewReaction("🔥"))).kind().status);
        assertTrue(queue.sent.stream().noneMatch(j -> j.actorId().equals("dee")), "nothing queued across a block");
    }

    @Test
    void commentsAreListedOldestFirstPageByPageWithoutBlockedUsers() {
        for (int i = 0; i < 5; i++) {
            service.comment(i % 2 == 0 ? "ben" : "dee", friendsMoment, new InteractionService.NewComment("c" + i));
        }
        Page<InteractionService.CommentView> first = service.comments("ana", friendsMoment, 3, null);
        assertEquals(List.of("c0", "c1", "c2"), first.items().stream().map(InteractionService.CommentView::text).toList());
        Page<InteractionService.CommentView> second = service.comments("ana", friendsMoment, 3, first.nextCursor());
        assertEquals(List.of("c3", "c4"), second.items().stream().map(InteractionService.CommentView::text).toList());
        assertNull(second.nextCursor());
        assertEquals(400, assertThrows(Problem.class,
                () -> service.comments("ben", friendsMoment, 3, first.nextCursor())).kind().status, "another user's cursor");

        graph.block("ben", "dee"); // ben and dee now blocked: ben no longer sees dee's comments, ana sees all
        assertEquals(List.of("c0", "c2", "c4"), service.comments("ben", friendsMoment, 20, null).items().stream()
                .map(InteractionService.CommentView::text).toList());
        assertEquals(5, service.comments("ana", friendsMoment, 20, null).items().size());
    }

    @Test
    void aCommentIsDeletedByItsAuthorOrTheMomentsAuthorOnly() {
        graph.friends("ana", "cai");
        String byBen = service.comment("ben", friendsMoment, new InteractionService.NewComment("one")).commentId();
        String byDee = service.comment("dee", friendsMoment, new InteractionService.NewComment("two")).commentId();
        Problem other = assertThrows(Problem.class, () -> service.deleteComment("cai", friendsMoment, byBen));
        Problem missing = assertThrows(Problem.class, () -> service.deleteComment("cai", friendsMoment, ids.next(T0)));
        assertEquals(404, other.kind().status);
        assertEquals(missing.getMessage(), other.getMessage());
        assertEquals(404, assertThrows(Problem.class, () -> service.deleteComment("dee", friendsMoment, byBen)).kind().status);

        service.deleteComment("ben", friendsMoment, byBen);
        service.deleteComment("ana", friendsMoment, byDee);
        assertEquals(0, moments.get(friendsMoment).commentCount());
        assertEquals(404, assertThrows(Problem.class, () -> service.deleteComment("ben", friendsMoment, byBen)).kind().status);
    }

    @Test
    void aPendingMomentTakesNoReactions() {
        String pending = ids.next(T0);
        moments.create(new Moment(pending, "ana", null, Audience.FRIENDS, "north", MomentStatus.PENDING, null, T0, null,
                null, Map.of()), T0.plus(Duration.ofHours(1)));
        assertEquals(404, assertThrows(Problem.class,
                () -> service.react("ben", pending, new InteractionService.NewReaction("🔥"))).kind().status);
        assertEquals(409, assertThrows(Problem.class,
                () -> service.react("ana", pending, new InteractionService.NewReaction("🔥"))).kind().status);
    }

    @Test
    void theMomentsCardCarriesCountsAndMine() {
        react("ben", "🔥");
        react("dee", "😂");
        service.comment("dee", friendsMoment, new InteractionService.NewComment("x"));
        MomentViews views = new MomentViews(new InMemoryMediaStore(), store);
        Moment moment = moments.get(friendsMoment);
        MomentView card = views.view(moment, null, true, views.mine("ben", List.of(friendsMoment)).get(friendsMoment));
        assertEquals(Map.of("🔥", 1, "😂", 1), card.reactions().counts());
        assertEquals("🔥", card.reactions().mine());
        assertEquals(1, card.commentCount());
    }
}
