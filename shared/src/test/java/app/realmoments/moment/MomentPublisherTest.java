package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class MomentPublisherTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String ID = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final byte[] GOOD = "good-photo".getBytes();
    private static final byte[] BAD = "bad-photo!".getBytes();

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryMediaStore media = new InMemoryMediaStore();
    private final RecordingNotificationQueue notifications = new RecordingNotificationQueue();
    private final PhotoPipeline photos = (bytes, type) -> bytes[0] == 'g'
            ? new PhotoPipeline.Accepted(new byte[] {1}, new byte[] {2}, 2048, 1536)
            : new PhotoPipeline.Rejected("the file is not a JPEG or PNG image");
    private final MomentPublisher publisher = new MomentPublisher(moments, media, photos, notifications,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void oneGoodImagePublishesTheMomentAndLeavesOnlyTheProcessedFiles() {
        declare(ImageRole.BACK);
        upload(ImageRole.BACK, GOOD);

        MomentPublisher.Result result = publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.BACK));

        assertEquals(MomentPublisher.Outcome.PUBLISHED, result.outcome());
        assertEquals(MomentStatus.PUBLISHED, moments.get(ID).status());
        assertEquals(NOW, moments.get(ID).publishedAt());
        assertArrayEquals(new byte[] {1}, media.objects.get(MediaKeys.display(ID, ImageRole.BACK)));
        assertArrayEquals(new byte[] {2}, media.objects.get(MediaKeys.thumbnail(ID, ImageRole.BACK)));
        assertFalse(media.objects.containsKey(MediaKeys.upload("ana", ID, ImageRole.BACK)), "upload deleted");
        assertTrue(notifications.sent.isEmpty());
    }

    @Test
    void theSameEventTwiceChangesNothingTheSecondTime() {
        declare(ImageRole.BACK);
        upload(ImageRole.BACK, GOOD);
        String key = MediaKeys.upload("ana", ID, ImageRole.BACK);

        publisher.uploaded(key);
        Moment afterFirst = moments.get(ID);
        MomentPublisher.Result second = publisher.uploaded(key);

        assertEquals(MomentPublisher.Outcome.DUPLICATE, second.outcome());
        assertEquals(afterFirst, moments.get(ID));
    }

    @Test
    void aRedeliveryAfterTheImageWasMarkedReadyButThePublishFailedFinishesPublishing() {
        declare(ImageRole.BACK);
        upload(ImageRole.BACK, GOOD);
        String key = MediaKeys.upload("ana", ID, ImageRole.BACK);
        InMemoryMomentStore flaky = new InMemoryMomentStore() {
            boolean failedOnce;

            @Override
            public synchronized boolean publishIfComplete(String momentId, Instant at) {
                if (!failedOnce) {
                    failedOnce = true;
                    throw new IllegalStateException("throttled");
                }
                return super.publishIfComplete(momentId, at);
            }
        };
        flaky.moments.putAll(moments.moments);
        MomentPublisher failing = new MomentPublisher(flaky, media, photos, notifications, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThrows(IllegalStateException.class, () -> failing.uploaded(key));
        assertTrue(flaky.get(ID).images().get(ImageRole.BACK).ready(), "the image was marked ready before the failure");

        MomentPublisher.Result redelivered = failing.uploaded(key);

        assertEquals(MomentPublisher.Outcome.PUBLISHED, redelivered.outcome());
        assertEquals(MomentStatus.PUBLISHED, flaky.get(ID).status());
        assertFalse(media.objects.containsKey(key), "upload deleted");
    }

    @Test
    void twoCamerasPublishOnlyWhenBothAreReadyInEitherOrder() {
        declare(ImageRole.BACK, ImageRole.FRONT);
        upload(ImageRole.FRONT, GOOD);
        upload(ImageRole.BACK, GOOD);

        assertEquals(MomentPublisher.Outcome.IMAGE_READY,
                publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.FRONT)).outcome());
        assertEquals(MomentStatus.PENDING, moments.get(ID).status());
        assertEquals(MomentPublisher.Outcome.PUBLISHED,
                publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.BACK)).outcome());
    }

    @Test
    void bothImagesArrivingAtOncePublishExactlyOnce() throws Exception {
        for (int round = 0; round < 20; round++) {
            moments.moments.clear();
            declare(ImageRole.BACK, ImageRole.FRONT);
            upload(ImageRole.FRONT, GOOD);
            upload(ImageRole.BACK, GOOD);
            CountDownLatch start = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
                List<Future<MomentPublisher.Result>> results = List.of(ImageRole.BACK, ImageRole.FRONT, ImageRole.BACK,
                        ImageRole.FRONT).stream().map(role -> pool.submit(() -> {
                            start.await();
                            return publisher.uploaded(MediaKeys.upload("ana", ID, role));
                        })).toList();
                start.countDown();
                long published = 0;
                for (Future<MomentPublisher.Result> result : results) {
                    if (result.get().outcome() == MomentPublisher.Outcome.PUBLISHED) {
                        published++;
                    }
                }
                assertEquals(1, published, "round " + round);
            }
        }
    }

    @Test
    void aBadFileRejectsTheMomentTellsTheAuthorAndKeepsNothing() {
        declare(ImageRole.BACK, ImageRole.FRONT);
        upload(ImageRole.BACK, GOOD);
        upload(ImageRole.FRONT, BAD);
        publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.BACK));

        MomentPublisher.Result result = publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.FRONT));

        assertEquals(MomentPublisher.Outcome.REJECTED, result.outcome());
        assertEquals(MomentStatus.REJECTED, moments.get(ID).status());
        assertEquals("the file is not a JPEG or PNG image", moments.get(ID).rejectReason());
        assertTrue(media.objects.isEmpty(), "uploads and already-made images are gone: " + media.objects.keySet());
        assertEquals(1, notifications.sent.size());
        assertEquals(NotificationType.MOMENT_REJECTED, notifications.sent.getFirst().type());
        assertEquals("ana", notifications.sent.getFirst().recipientId());
    }

    @Test
    void aFileOfAnotherSizeThanDeclaredIsRejected() {
        declare(ImageRole.BACK);
        media.write(MediaKeys.upload("ana", ID, ImageRole.BACK), new byte[] {'g', 1, 2}, "image/jpeg");
        assertEquals(MomentPublisher.Outcome.REJECTED,
                publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.BACK)).outcome());
    }

    @Test
    void uploadsNoMomentDeclaresAreDeletedAndIgnored() {
        declare(ImageRole.BACK);
        for (String key : List.of("uploads/ana/" + ID + "/front", "uploads/eve/" + ID + "/back",
                "uploads/ana/01JD8X3Q6Z7V9K2M4N5P6R7S8V/back", "uploads/ana/not-an-id/back", "uploads/x")) {
            media.write(key, GOOD, "image/jpeg");
            assertEquals(MomentPublisher.Outcome.IGNORED, publisher.uploaded(key).outcome(), key);
            assertFalse(media.objects.containsKey(key), key);
        }
        assertEquals(MomentStatus.PENDING, moments.get(ID).status());
    }

    @Test
    void anUploadArrivingAfterItsAuthorWasErasedIsDroppedNotPublished() {
        declare(ImageRole.BACK);
        moments.delete(ID); // the erasure walk deleted the pending moment before the upload arrived
        upload(ImageRole.BACK, GOOD);

        MomentPublisher.Result result = publisher.uploaded(MediaKeys.upload("ana", ID, ImageRole.BACK));

        assertEquals(MomentPublisher.Outcome.IGNORED, result.outcome());
        assertTrue(media.objects.isEmpty(), "nothing kept, nothing made: " + media.objects.keySet());
        assertTrue(notifications.sent.isEmpty());
    }

    private void declare(ImageRole... roles) {
        Map<ImageRole, MomentImage> images = new EnumMap<>(ImageRole.class);
        for (ImageRole role : roles) {
            images.put(role, MomentImage.declared(role, "image/jpeg", GOOD.length));
        }
        moments.create(new Moment(ID, "ana", null, Audience.FRIENDS, "north", MomentStatus.PENDING, null, NOW, null,
                null, images), NOW.plusSeconds(3600));
    }

    private void upload(ImageRole role, byte[] bytes) {
        media.write(MediaKeys.upload("ana", ID, role), bytes, "image/jpeg");
    }
}
