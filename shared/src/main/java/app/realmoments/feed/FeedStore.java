package app.realmoments.feed;

import java.util.List;
import java.util.Map;

public interface FeedStore {

    /**
     * Writes every entry (idempotent: the keys are deterministic). Fails when some could not be
     * written after retries, so the caller can report its event as failed and have it redelivered.
     */
    void putAll(List<FeedEntry> entries);

    /** Newest first, after {@code position} (null for the first page). */
    Slice page(String recipientId, int limit, Map<String, String> position);

    /** Removes every entry pointing at the moment, in every feed. */
    void removeMoment(String momentId);

    record Slice(List<FeedEntry> entries, Map<String, String> next) {
    }
}
