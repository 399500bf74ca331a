package app.realmoments.interact;

import app.realmoments.moment.MyReactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reactions and comments of moments, and the counts kept on the moment item. Every write changes the
 * reaction or comment item and the moment's counts in one transaction whose conditions are the
 * change's preconditions, so concurrent changes never lose or double a count.
 */
public interface InteractionStore extends MyReactions {

    /** What a conditional change found. */
    enum Outcome {
        /** Written, counts included. */
        DONE,
        /**
         * The reaction or comment item's own condition failed (it is no longer what the change was
         * decided on): read again. A transaction conflict with a concurrent write on the same moment
         * is retried by the store and never answered as RACED.
         */
        RACED,
        /** The moment is gone or not published: nothing written. */
        MOMENT_GONE,
        /** A comment was already made with this idempotency key: nothing written. */
        DUPLICATE
    }

    Optional<Reaction> reaction(String momentId, String userId);

    /** Sets the user's reaction to {@code reaction.emoji()}, if it is still {@code previousEmoji} (null: none). */
    Outcome react(Reaction reaction, String previousEmoji);

    /** Removes the user's reaction, if it is still {@code previousEmoji}. */
    Outcome unreact(String momentId, String userId, String previousEmoji);

    /** Adds the comment; with an idempotency key, only if its author has made none with that key on the moment. */
    Outcome addComment(Comment comment, String idempotencyKey);

    default Outcome addComment(Comment comment) {
        return addComment(comment, null);
    }

    /** The comment its author made on the moment with this idempotency key, if any (it may since have been deleted). */
    Optional<String> commentIdForKey(String momentId, String authorId, String idempotencyKey);

    Optional<Comment> comment(String momentId, String commentId);

    /**
     * Shows a comment screening hid (a moderator dismissed the hold): true for the one call that did it, false
     * when it is gone or not hidden.
     */
    boolean show(String momentId, String commentId);

    /** Deletes the comment; RACED only when the comment item is already gone. */
    Outcome deleteComment(String momentId, String commentId);

    /** A moment's comments oldest first, after {@code position} (null: from the first). */
    Slice comments(String momentId, int limit, Map<String, String> position);

    record Slice(List<Comment> comments, Map<String, String> next) {

        public Slice {
            comments = List.copyOf(comments);
        }
    }
}
