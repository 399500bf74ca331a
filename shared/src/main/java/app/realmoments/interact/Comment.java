package app.realmoments.interact;

import java.time.Instant;

/**
 * A comment as stored, under its moment. {@code hidden}: held by screening or hidden by moderation;
 * only its author sees it then.
 */
public record Comment(String commentId, String momentId, String authorId, String text, Instant createdAt,
                      boolean hidden) {

    /** A comment nobody has hidden. */
    public Comment(String commentId, String momentId, String authorId, String text, Instant createdAt) {
        this(commentId, momentId, authorId, text, createdAt, false);
    }
}
