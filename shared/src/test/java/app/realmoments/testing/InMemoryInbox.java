package app.realmoments.testing;

import app.realmoments.notify.Inbox;
import app.realmoments.notify.InboxItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryInbox implements Inbox {

    public final Map<String, InboxItem> items = new ConcurrentHashMap<>();
    public final Map<String, Instant> notified = new ConcurrentHashMap<>();
    private final Map<String, String> read = new ConcurrentHashMap<>();
    /** How many times {@link #addAll} was called (one conditional write or transaction each). */
    public int writes;

    @Override
    public synchronized Set<String> addAll(List<InboxItem> batch, Instant notifiedAt) {
        writes++;
        Set<String> added = new LinkedHashSet<>();
        for (InboxItem item : batch) {
            String key = item.recipientId() + "/" + item.notificationId();
            if (items.putIfAbsent(key, item) == null) {
                notified.put(key, notifiedAt);
                added.add(item.notificationId());
            }
        }
        return added;
    }

    @Override
    public Optional<Instant> notifiedAt(String userId, String notificationId) {
        return Optional.ofNullable(notified.get(userId + "/" + notificationId));
    }

    @Override
    public Slice page(String userId, int limit, Map<String, String> position) {
        String after = position == null ? null : position.get("after");
        List<InboxItem> mine = items.values().stream().filter(i -> i.recipientId().equals(userId))
                .sorted(Comparator.comparing(InboxItem::notificationId).reversed())
                .filter(i -> after == null || i.notificationId().compareTo(after) < 0).toList();
        List<InboxItem> page = new ArrayList<>(mine.subList(0, Math.min(limit, mine.size())));
        return new Slice(page, mine.size() > limit ? Map.of("after", page.getLast().notificationId()) : null);
    }

    @Override
    public String readUpTo(String userId) {
        return read.get(userId);
    }

    @Override
    public void markRead(String userId, String upTo) {
        read.merge(userId, upTo, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }

    @Override
    public int unreadCount(String userId, String readUpTo, int cap) {
        return (int) Math.min(cap, items.values().stream().filter(i -> i.recipientId().equals(userId))
                .filter(i -> readUpTo == null || i.notificationId().compareTo(readUpTo) > 0).count());
    }

    public List<InboxItem> of(String userId) {
        return items.values().stream().filter(i -> i.recipientId().equals(userId)).toList();
    }
}
