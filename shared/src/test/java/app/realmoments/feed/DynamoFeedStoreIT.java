package app.realmoments.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Ulids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoFeedStoreIT {

    private final DynamoFeedStore feeds = new DynamoFeedStore(LocalAws.shared().dynamo(), LocalAws.shared().table("FeedTable"));

    @Test
    void entriesPageNewestFirstAndADeletedMomentLeavesEveryFeed() {
        String reader = UUID.randomUUID().toString();
        List<String> moments = new ArrayList<>();
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String id = Ulids.next();
            moments.add(0, id);
            entries.add(new FeedEntry(reader, id, "author", Instant.now()));
        }
        String shared = moments.get(10);
        List<String> others = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        others.forEach(o -> entries.add(new FeedEntry(o, shared, "author", Instant.now())));
        feeds.putAll(entries);
        feeds.putAll(entries.subList(0, 30)); // a retried batch rewrites the same keys

        List<String> read = new ArrayList<>();
        FeedStore.Slice slice = feeds.page(reader, 25, null);
        read.addAll(slice.entries().stream().map(FeedEntry::momentId).toList());
        while (slice.next() != null) {
            slice = feeds.page(reader, 25, slice.next());
            read.addAll(slice.entries().stream().map(FeedEntry::momentId).toList());
        }
        assertEquals(moments, read);

        feeds.removeMoment(shared);
        for (String other : others) {
            assertTrue(feeds.page(other, 10, null).entries().isEmpty());
        }
        FeedStore.Slice after = feeds.page(reader, 50, null);
        assertEquals(50, after.entries().size(), "a full page of the 59 left");
        assertTrue(after.entries().stream().noneMatch(e -> e.momentId().equals(shared)));
        assertNull(feeds.page(UUID.randomUUID().toString(), 10, null).next());
    }
}
