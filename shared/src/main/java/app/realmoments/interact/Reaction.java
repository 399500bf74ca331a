package app.realmoments.interact;

import java.time.Instant;

/** One user's reaction to one moment; {@code reactedAt} is when it was set to this emoji. */
public record Reaction(String momentId, String userId, String emoji, Instant reactedAt) {
}
