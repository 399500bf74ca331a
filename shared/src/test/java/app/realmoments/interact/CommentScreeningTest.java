package app.realmoments.interact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.activity.ActivityRules;
import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.screening.TextFilter;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A comment the word list flags: stored hidden, seen by its author alone, held for a moderator. */
class CommentScreeningTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryInteractionStore store = new InMemoryInteractionStore(moments);
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final Ids ids = new Ids();
    private final List<HeldForReview.Held> held = new ArrayList<>();
    private final InteractionService service = new InteractionService(moments, profiles,
            new MomentVisibility(graph, profiles), graph, store, new Cursors("test-cursor-signing-key-0123456789abcdef"),
            ids, new InteractionServiceTest.TickingClock(), Services.noQuotas(), TextFilter.named("default"), held::add);
    private String moment;

    @BeforeEach
    void anaPostsBenAndDeeAreHerFriends() {
        store.onChange = new ActivityRules(queue, new InMemoryFeedStore(), moments)::followUp;
        for (String user : List.of("ana", "ben", "dee")) {
            profiles.save(new Profile(user, user, user.toUpperCase(), "north", T0, T0, null), null);
        }
        graph.friends("ana", "ben").friends("ana", "dee");
        moment = ids.next(T0);
        moments.create(new Moment(moment, "ana", "hi", Audience.FRIENDS, "north", MomentStatus.PUBLISHED, null, T0, T0,
                null, Map.of()), T0);
    }

    @Test
    void aFlaggedCommentIsHeldAndShownToItsAuthorAloneWithoutNotifyingAnyone() {
        InteractionService.CommentView mine = service.comment("ben", moment, new InteractionService.NewComment("kys"));

        assertEquals("held", mine.review());
        assertEquals(List.of(new HeldForReview.Held("comment", mine.commentId(), moment, "ben", "word list")), held);
        assertEquals(List.of(mine.commentId()), texts("ben"));
        assertEquals(List.of(), texts("ana"), "the moment's author does not see it");
        assertEquals(List.of(), texts("dee"));
        assertTrue(queue.sent.isEmpty(), "nobody is notified of a hidden comment");
        assertThrows(Problem.class, () -> service.deleteComment("ana", moment, mine.commentId()),
                "for the moment's author it does not exist");
        service.deleteComment("ben", moment, mine.commentId());
        assertEquals(List.of(), texts("ben"));
    }

    @Test
    void aCleanCommentIsShownToEveryoneAndHoldsNothing() {
        InteractionService.CommentView comment = service.comment("ben", moment,
                new InteractionService.NewComment("greetings from Scunthorpe"));

        assertNull(comment.review());
        assertTrue(held.isEmpty());
        assertEquals(List.of(comment.commentId()), texts("dee"));
        assertEquals(1, queue.sent.size(), "the moment's author is notified as before");
    }

    @Test
    void aRetriedRequestWithItsKeyHoldsTheCommentOnce() {
        InteractionService.CommentView first = service.comment("ben", moment,
                new InteractionService.NewComment("badword-test"), "key-1");
        InteractionService.CommentView again = service.comment("ben", moment,
                new InteractionService.NewComment("badword-test"), "key-1");

        assertEquals(first.commentId(), again.commentId());
        assertEquals("held", again.review());
        assertEquals(1, held.size());
    }

    private List<String> texts(String viewer) {
        return service.comments(viewer, moment, 20, null).items().stream()
                .map(InteractionService.CommentView::commentId).toList();
    }
}
