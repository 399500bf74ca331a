package app.realmoments.testing;

import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Feeds keyed like the table (recipient, momentId), read newest first; campus feeds unsharded. */
public class InMemoryFeedStore implements FeedStore {

    public final Map<String, FeedEntry> entries = new ConcurrentSkipListMap<>();
    /** Campus feeds: key campusId/momentId, the entry's recipientId is the campus. */
    public final Map<String, FeedEntry> campus = new ConcurrentSkipListMap<>();
    public int pageCalls;

    @Override
    public void putAll(List<FeedEntry> batch) {
        batch.forEach(e -> entries.put(e.recipientId() + "/" + e.momentId(), e));
    }

    @Override
    public Slice page(String recipientId, int limit, Map<String, String> position) {
        pageCalls++;
        String after = position == null ? null : position.get("after");
        List<FeedEntry> mine = entries.values().stream().filter(e -> e.recipientId().equals(recipientId))
                .sorted(Comparator.comparing(FeedEntry::momentId).reversed())
                .filter(e -> after == null || e.momentId().compareTo(after) < 0).toList();
        List<FeedEntry> page = new ArrayList<>(mine.subList(0, Math.min(limit, mine.size())));
        Map<String, String> next = mine.size() > limit ? Map.of("after", page.getLast().momentId()) : null;
        return new Slice(page, next);
    }

    @Override
    public void removeMoment(String momentId) {
        entries.values().removeIf(e -> e.momentId().equals(momentId));
        campus.values().removeIf(e -> e.momentId().equals(momentId));
    }

    @Override
    public void putCampus(String campusId, FeedEntry entry) {
        campus.put(campusId + "/" + entry.momentId(),
                new FeedEntry(campusId, entry.momentId(), entry.authorId(), entry.createdAt()));
    }

    @Override
    public Slice campusPage(String campusId, LocalDate today, int limit, Map<String, String> position) {
        pageCalls++;
        String after = position == null ? null : position.get("after");
        LocalDate oldest = today.minusDays(6);
        List<FeedEntry> all = campus.values().stream().filter(e -> e.recipientId().equals(campusId))
                .filter(e -> !LocalDate.ofInstant(e.createdAt(), ZoneOffset.UTC).isBefore(oldest))
                .sorted(Comparator.comparing(FeedEntry::momentId).reversed())
                .filter(e -> after == null || e.momentId().compareTo(after) < 0).toList();
        List<FeedEntry> page = new ArrayList<>(all.subList(0, Math.min(limit, all.size())));
        Map<String, String> next = all.size() > limit ? Map.of("after", page.getLast().momentId()) : null;
        return new Slice(page, next);
    }

    @Override
    public int removeAuthorFromFeed(String recipientId, String authorId) {
        int before = entries.size();
        entries.values().removeIf(e -> e.recipientId().equals(recipientId) && e.authorId().equals(authorId));
        return before - entries.size();
    }

    public List<String> recipientsOf(String momentId) {
        return entries.values().stream().filter(e -> e.momentId().equals(momentId)).map(FeedEntry::recipientId).sorted().toList();
    }
}
