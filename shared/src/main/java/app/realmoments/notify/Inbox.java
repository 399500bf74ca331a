package app.realmoments.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public interface Inbox {

    /** Writes the item unless one with its id exists; true when it was new. */
    default boolean add(InboxItem item) {
        return !addAll(List.of(item), item.createdAt()).isEmpty();
    }

    /**
     * Writes each item unless one with its id exists, each on its own condition (a redelivered or
     * duplicated job writes nothing); returns the notification ids of the items that were new.
     *
     * @param notifiedAt when they were sent to their recipients (the start of a prompt's window for them)
     */
    Set<String> addAll(List<InboxItem> items, Instant notifiedAt);

    /** When that item was written to the user's inbox (its {@code notifiedAt}); empty when it was not. */
    Optional<Instant> notifiedAt(String userId, String notificationId);

    /** Newest first, from after {@code position} (null for the first page). */
    Slice page(String userId, int limit, Map<String, String> position);

    /** The id the user has read up to, or null. */
    String readUpTo(String userId);

    /** Moves the read marker forward (never back). */
    void markRead(String userId, String upTo);

    /** How many items are newer than the read marker (counted, capped at {@code cap}). */
    int unreadCount(String userId, String readUpTo, int cap);

    record Slice(List<InboxItem> items, Map<String, String> next) {
    }
}
