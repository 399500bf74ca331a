package app.realmoments.moment.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentStore;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Ulids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

class DynamoMomentStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final String table = LocalAws.shared().table("MomentsTable");
    private final DynamoMomentStore store = new DynamoMomentStore(LocalAws.shared().dynamo(), table, LocalAws.shared().table("UsersTable"));

    @Test
    void aCreateThatMeetsItsOwnEarlierTrySucceedsAndAnotherMomentsIdIsRefused() {
        Moment moment = moment(ImageRole.BACK);
        store.create(moment, NOW.plusSeconds(3600));
        store.create(moment, NOW.plusSeconds(3600)); // the SDK's retry after a lost answer: the write is there, ours

        Moment impostor = new Moment(moment.momentId(), "someone-else", null, Audience.FRIENDS, null,
                MomentStatus.PENDING, null, NOW, null, null, moment.images());
        assertThrows(ConditionalCheckFailedException.class, () -> store.create(impostor, NOW.plusSeconds(3600)));
        assertEquals(moment, store.find(moment.momentId()).orElseThrow());
    }

    @Test
    void anIdempotencyKeyIsWrittenWithItsMomentOrNotAtAll() {
        String author = "ik-" + System.nanoTime();
        Moment first = withAuthor(moment(ImageRole.BACK), author);
        MomentStore.Once once = new MomentStore.Once("key-1", "fp");
        assertTrue(store.create(first, NOW.plusSeconds(3600), once));
        assertTrue(store.create(first, NOW.plusSeconds(3600), once), "its own earlier try: done already");
        assertEquals(new MomentStore.Earlier(first.momentId(), "fp"), store.earlier(author, "key-1").orElseThrow());

        Moment second = withAuthor(moment(ImageRole.BACK), author);
        assertFalse(store.create(second, NOW.plusSeconds(3600), once), "another moment with a used key");
        assertTrue(store.find(second.momentId()).isEmpty(), "nothing of it written");
        assertTrue(store.earlier(author, "key-2").isEmpty());
    }

    private static Moment withAuthor(Moment m, String author) {
        return new Moment(m.momentId(), author, m.caption(), m.audience(), m.campusId(), m.status(), m.rejectReason(),
                m.createdAt(), m.publishedAt(), m.lateMinutes(), m.images());
    }

    @Test
    void aMomentRoundTripsAndPublishesOnlyWhenEveryImageIsReady() {
        Moment moment = moment(ImageRole.BACK, ImageRole.FRONT);
        store.create(moment, NOW.plusSeconds(3600));
        assertEquals(moment, store.find(moment.momentId()).orElseThrow());
        assertEquals(NOW.plusSeconds(3600).getEpochSecond(), Long.parseLong(raw(moment).get("expiresAt").n()));

        assertEquals(MomentStore.ImageMark.MARKED, store.markImageReady(moment.momentId(), ImageRole.BACK, 2048, 1536));
        assertEquals(MomentStore.ImageMark.ALREADY_READY, store.markImageReady(moment.momentId(), ImageRole.BACK, 2048, 1536));
        assertFalse(store.publishIfComplete(moment.momentId(), NOW), "front is not ready");
        assertEquals(MomentStore.ImageMark.MARKED, store.markImageReady(moment.momentId(), ImageRole.FRONT, 360, 480));
        assertTrue(store.publishIfComplete(moment.momentId(), NOW));
        assertFalse(store.publishIfComplete(moment.momentId(), NOW), "exactly once");

        Moment published = store.find(moment.momentId()).orElseThrow();
        assertEquals(MomentStatus.PUBLISHED, published.status());
        assertEquals(NOW, published.publishedAt());
        assertEquals(2048, published.images().get(ImageRole.BACK).width());
        assertTrue(published.images().get(ImageRole.FRONT).ready());
        assertNull(raw(moment).get("expiresAt"), "a published moment never expires");
        assertNull(raw(moment).get("pendingRoles"));
        assertEquals(MomentStore.ImageMark.ALREADY_READY, store.markImageReady(moment.momentId(), ImageRole.FRONT, 1, 1));
        assertFalse(store.reject(moment.momentId(), "late"), "a published moment cannot be rejected");
    }

    @Test
    void concurrentLastImagesPublishExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            Moment moment = moment(ImageRole.BACK, ImageRole.FRONT);
            store.create(moment, NOW.plusSeconds(3600));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> published = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                for (ImageRole role : List.of(ImageRole.BACK, ImageRole.FRONT, ImageRole.BACK, ImageRole.FRONT)) {
                    published.add(pool.submit(() -> {
                        start.await();
                        store.markImageReady(moment.momentId(), role, 10, 10);
                        return store.publishIfComplete(moment.momentId(), NOW);
                    }));
                }
                start.countDown();
                int count = 0;
                for (Future<Boolean> result : published) {
                    count += result.get() ? 1 : 0;
                }
                assertEquals(1, count, "round " + round);
            }
        }
    }

    @Test
    void rejectingIsConditionalAndBatchReadsSkipTheMissing() {
        Moment moment = moment(ImageRole.BACK);
        store.create(moment, NOW.plusSeconds(3600));
        assertTrue(store.reject(moment.momentId(), "the file is truncated"));
        assertFalse(store.reject(moment.momentId(), "again"));
        Moment rejected = store.find(moment.momentId()).orElseThrow();
        assertEquals(MomentStatus.REJECTED, rejected.status());
        assertEquals("the file is truncated", rejected.rejectReason());
        assertFalse(store.publishIfComplete(moment.momentId(), NOW));

        Moment other = moment(ImageRole.BACK);
        store.create(other, NOW.plusSeconds(3600));
        Map<String, Moment> found = store.findAll(List.of(moment.momentId(), other.momentId(), Ulids.next()));
        assertEquals(2, found.size());
        store.delete(other.momentId());
        assertTrue(store.find(other.momentId()).isEmpty());
    }

    @Test
    void aHeldMomentNeverPublishesUntilReleasedAndEachTransitionHappensOnce() {
        Moment moment = moment(ImageRole.BACK);
        store.create(moment, NOW.plusSeconds(3600));
        assertTrue(store.hold(moment.momentId()));
        assertFalse(store.hold(moment.momentId()), "held once");
        assertFalse(raw(moment).containsKey("expiresAt"), "a held moment waits for its moderator");
        assertEquals(Moment.Review.HELD, store.find(moment.momentId()).orElseThrow().review());
        store.markImageReady(moment.momentId(), ImageRole.BACK, 2048, 1536);
        assertFalse(store.publishIfComplete(moment.momentId(), NOW), "complete, but held");

        assertTrue(store.release(moment.momentId()));
        assertFalse(store.release(moment.momentId()), "released once");
        assertEquals(Moment.Review.RELEASED, store.find(moment.momentId()).orElseThrow().review());
        assertTrue(store.publishIfComplete(moment.momentId(), NOW));
        assertFalse(store.hold(moment.momentId()), "a published moment is not held");
        assertEquals(MomentStatus.PUBLISHED, store.find(moment.momentId()).orElseThrow().status());

        Moment again = moment(ImageRole.BACK, ImageRole.FRONT);
        store.create(again, NOW.plusSeconds(3600));
        assertTrue(store.hold(again.momentId()));
        assertTrue(store.release(again.momentId()));
        assertTrue(store.hold(again.momentId()), "an image after the release may hold it again");
        Moment plain = moment(ImageRole.BACK);
        store.create(plain, NOW.plusSeconds(3600));
        assertFalse(raw(plain).containsKey("held"), "never held: no attribute");
        assertEquals(Moment.Review.NONE, store.find(plain.momentId()).orElseThrow().review());
        assertFalse(store.release(plain.momentId()), "nothing to release");
    }

    private Map<String, AttributeValue> raw(Moment moment) {
        return LocalAws.shared().dynamo().getItem(r -> r.tableName(table).consistentRead(true)
                .key(Map.of("momentId", AttributeValue.fromS(moment.momentId())))).item();
    }

    private static Moment moment(ImageRole... roles) {
        Map<ImageRole, MomentImage> images = new EnumMap<>(ImageRole.class);
        for (ImageRole role : roles) {
            images.put(role, MomentImage.declared(role, "image/jpeg", 1000));
        }
        return new Moment(Ulids.next(), "author-1", "caption", Audience.CAMPUS, "north", MomentStatus.PENDING, null,
                NOW, null, null, images);
    }
}
