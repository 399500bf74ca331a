package app.realmoments.feed.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedStore;
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
    void everyEntryExpiresSoAFeedPartitionStaysBounded() {
        String reader = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-29T12:00:00Z");
        String mine = Ulids.next();
        String campus = "ttl-" + UUID.randomUUID();
        feeds.putAll(List.of(new FeedEntry(reader, mine, "author", at)));
        feeds.putCampus(campus, new FeedEntry(campus, mine, "author", at));

        var items = LocalAws.shared().dynamo().scan(r -> r.tableName(LocalAws.shared().table("FeedTable"))
                .filterExpression("momentId = :m").expressionAttributeValues(
                        java.util.Map.of(":m", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(mine))))
                .items();
        assertEquals(2, items.size());
        for (var item : items) {
            long expected = item.get("pk").s().startsWith("USER#")
                    ? at.plus(DynamoFeedStore.FEED_RETENTION).getEpochSecond()
                    : at.plus(java.time.Duration.ofDays(DynamoFeedStore.CAMPUS_WINDOW_DAYS + 1)).getEpochSecond();
            assertEquals(Long.toString(expected), item.get("expiresAt").n(), item.get("pk").s());
        }
    }

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

    @Test
    void campusFeedsSpreadOverShardsAndDaysAndReadBackNewestFirstWithoutGapsOrRepeats() {
        String campus = "campus-" + UUID.randomUUID();
        java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 29);
        List<String> expected = new ArrayList<>();
        java.util.Set<Integer> shards = new java.util.HashSet<>();
        for (int day = 8; day >= 0; day--) { // 9 days: the two oldest fall outside the 7-day window
            Instant at = today.minusDays(day).atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
            for (int i = 0; i < 5; i++) {
                String id = Ulids.next();
                feeds.putCampus(campus, new FeedEntry(campus, id, "author", at));
                shards.add(DynamoFeedStore.shardOf(id));
                if (day < DynamoFeedStore.CAMPUS_WINDOW_DAYS) {
                    expected.add(0, id);
                }
            }
        }
        assertTrue(shards.size() > 1, "moments spread over shards");
        // Ulids.next() is monotonic, so later-written (newer days) sort higher: order the expectation by id.
        expected.sort(java.util.Comparator.reverseOrder());

        List<String> read = new ArrayList<>();
        FeedStore.Slice slice = feeds.campusPage(campus, today, 7, null);
        read.addAll(slice.entries().stream().map(FeedEntry::momentId).toList());
        while (slice.next() != null) {
            slice = feeds.campusPage(campus, today, 7, slice.next());
            read.addAll(slice.entries().stream().map(FeedEntry::momentId).toList());
        }
        assertEquals(expected, read);

        feeds.removeMoment(expected.getFirst());
        assertEquals(expected.get(1), feeds.campusPage(campus, today, 1, null).entries().getFirst().momentId());
    }

    @Test
    void unfriendingTakesOneAuthorsEntriesOutOfOneFeed() {
        String reader = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();
        String stays = UUID.randomUUID().toString();
        List<FeedEntry> entries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            entries.add(new FeedEntry(reader, Ulids.next(), i % 2 == 0 ? gone : stays, Instant.now()));
        }
        String sharedMoment = entries.getFirst().momentId();
        feeds.putAll(entries);
        feeds.putAll(List.of(new FeedEntry(stays, sharedMoment, gone, Instant.now())));

        assertEquals(20, feeds.removeAuthorFromFeed(reader, gone));

        List<FeedEntry> left = feeds.page(reader, 50, null).entries();
        assertEquals(20, left.size());
        assertTrue(left.stream().allMatch(e -> e.authorId().equals(stays)));
        assertEquals(1, feeds.page(stays, 10, null).entries().size(), "other feeds keep their entries");
        assertEquals(0, feeds.removeAuthorFromFeed(reader, gone));
    }
}
