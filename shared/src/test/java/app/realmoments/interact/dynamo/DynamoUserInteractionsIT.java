package app.realmoments.interact.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.id.Ids;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Ulids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One user's reactions and comments on several authors' moments, found through the sparse indexes alone. */
class DynamoUserInteractionsIT {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final LocalAws aws = LocalAws.shared();
    private final String table = aws.table("InteractionsTable");
    private final DynamoMomentStore moments = new DynamoMomentStore(aws.dynamo(), aws.table("MomentsTable"), aws.table("UsersTable"));
    private final DynamoInteractionStore store = new DynamoInteractionStore(aws.dynamo(), table, aws.table("MomentsTable"));
    private final DynamoUserInteractions byUser = new DynamoUserInteractions(aws.dynamo(), table);

    private String published(String authorId) {
        String id = new Ids().next(NOW);
        moments.create(new Moment(id, authorId, null, Audience.FRIENDS, null, MomentStatus.PENDING, null, NOW, null,
                null, Map.of(ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 1000, false, null, null))),
                NOW.plusSeconds(3600));
        moments.markImageReady(id, ImageRole.BACK, 100, 100);
        assertTrue(moments.publishIfComplete(id, NOW));
        return id;
    }

    @Test
    void everyReactionAndCommentOfTheUserAndNoOneElses() {
        String me = "reactor-" + Ulids.next();
        String other = "other-" + Ulids.next();
        String first = published("author-a");
        String second = published("author-b");
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(first, me, "🔥", NOW), null));
        assertEquals(InteractionStore.Outcome.DONE, store.react(new Reaction(second, me, "😂", NOW), null));
        store.react(new Reaction(first, other, "❤️", NOW), null);
        String mine = Ulids.next();
        store.addComment(new Comment(mine, second, me, "mine", NOW), "key-1");
        store.addComment(new Comment(Ulids.next(), second, other, "theirs", NOW));

        List<Reaction> reactions = new ArrayList<>();
        byUser.forEachReactionBy(me, reactions::add);
        assertEquals(Map.of(first, "🔥", second, "😂"), reactions.stream()
                .collect(java.util.stream.Collectors.toMap(Reaction::momentId, Reaction::emoji)), "hers, on both authors' moments");
        List<Comment> comments = new ArrayList<>();
        byUser.forEachCommentBy(me, comments::add);
        assertEquals(List.of(mine), comments.stream().map(Comment::commentId).toList(), "the marker is no comment");
        assertEquals("mine", comments.getFirst().text());
    }
}
