package app.realmoments.feed;

import java.time.LocalDate;
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

    /** Removes every entry pointing at the moment, in every feed (campus feeds too). */
    void removeMoment(String momentId);

    /**
     * Writes a campus moment into its campus's discovery feed, in one of a fixed number of shards of
     * the moment's day (idempotent: the shard comes from the moment id).
     */
    void putCampus(String campusId, FeedEntry entry);

    /**
     * The campus feed newest first, the shards of each day merged, days from {@code today} back
     * through the feed's window; {@code position} comes from the previous slice.
     */
    Slice campusPage(String campusId, LocalDate today, int limit, Map<String, String> position);

    /**
     * Removes from {@code recipientId}'s feed every entry of moments by {@code authorId} (unfriend,
     * block). Returns how many went.
     */
    int removeAuthorFromFeed(String recipientId, String authorId);

    record Slice(List<FeedEntry> entries, Map<String, String> next) {
    }
}
