package app.realmoments.interact;

import java.time.Instant;

/** A comment as stored, under its moment. */
public record Comment(String commentId, String momentId, String authorId, String text, Instant createdAt) {
}
