package app.realmoments.notify;

import java.util.List;
import java.util.Map;

public interface Inbox {

    /** Writes the item unless one with its id exists; true when it was new. */
    boolean add(InboxItem item);

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
