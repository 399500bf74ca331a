package app.realmoments.interact;

import java.time.Instant;

/**
 * A comment as stored, under its moment. {@code hidden}: the word list flagged it when it was posted, so only
 * its author sees it until a moderator decides.
 */
public record Comment(String commentId, String momentId, String authorId, String text, Instant createdAt,
                      boolean hidden) {

    /** A comment shown to everyone who sees its moment. */
    public Comment(String commentId, String momentId, String authorId, String text, Instant createdAt) {
        this(commentId, momentId, authorId, text, createdAt, false);
    }

    /** Whether this viewer may read it: a hidden comment is its author's alone. */
    public boolean visibleTo(String viewerId) {
        return !hidden || authorId.equals(viewerId);
    }
}
