package app.realmoments.feed;

import java.time.Instant;

/** A pointer in one recipient's feed: which moment, by whom, when. Never the moment itself. */
public record FeedEntry(String recipientId, String momentId, String authorId, Instant createdAt) {
}
