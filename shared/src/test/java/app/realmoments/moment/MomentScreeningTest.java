package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.moderation.HeldForReview;
import app.realmoments.outbox.NotificationType;
import app.realmoments.screening.ConfidenceThreshold;
import app.realmoments.screening.ContentClassifier;
import app.realmoments.screening.ModerationLabel;
import app.realmoments.screening.Screening;
import app.realmoments.screening.TextFilter;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upload screening in the pipeline: what is flagged is held (pending, never published) until released. */
class MomentScreeningTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String ID = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final byte[] CLEAN = "clean-photo".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NUDE = "nude-photo!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BROKEN = "broken-pic!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BORDER = "border-pic!".getBytes(StandardCharsets.US_ASCII);

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryMediaStore media = new InMemoryMediaStore();
    private final RecordingNotificationQueue notifications = new RecordingNotificationQueue();
    private final List<HeldForReview.Held> held = new ArrayList<>();
    private final List<byte[]> classified = new ArrayList<>();
    /** The display image is the upload itself, so the classifier can tell them apart. */
    private final PhotoPipeline photos = (bytes, type) -> new PhotoPipeline.Accepted(bytes, new byte[] {2}, 2048, 1536);
    private final ContentClassifier classifier = jpeg -> {
        classified.add(jpeg);
        return switch (new String(jpeg, StandardCharsets.US_ASCII)) {
            case "nude-photo!" -> List.of(new ModerationLabel("Explicit", "", 99.2),
                    new ModerationLabel("Explicit Nudity", "Explicit", 99.2));
            case "border-pic!" -> List.of(new ModerationLabel("Suggestive", "", 79.9));
            case "broken-pic!" -> throw new ContentClassifier.UnreadableImage("InvalidImageFormatException", null);
            default -> List.of();
        };
    };
    private final Screening screening = new Screening(classifier, ConfidenceThreshold.DEFAULT,
            TextFilter.named("default"));
    private final MomentPublisher publisher = new MomentPublisher(moments, media, photos, screening, held::add,
            notifications, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCleanImageWithACleanCaptionPublishes() {
        declare("sunset at the quad", ImageRole.BACK);
        upload(ImageRole.BACK, CLEAN);

        assertEquals(MomentPublisher.Outcome.PUBLISHED, publisher.uploaded(key(ImageRole.BACK)).outcome());
        assertEquals(MomentStatus.PUBLISHED, moments.get(ID).status());
        assertFalse(moments.get(ID).held());
        assertTrue(held.isEmpty());
        assertEquals(1, classified.size(), "the processed image was screened");
    }

    @Test
    void aFlaggedImageStaysPendingHeldAndIsSentForReviewWithItsLabels() {
        declare(null, ImageRole.BACK);
        upload(ImageRole.BACK, NUDE);

        MomentPublisher.Result result = publisher.uploaded(key(ImageRole.BACK));

        assertEquals(MomentPublisher.Outcome.HELD, result.outcome());
        Moment moment = moments.get(ID);
        assertEquals(MomentStatus.PENDING, moment.status());
        assertTrue(moment.held());
        assertTrue(moment.images().get(ImageRole.BACK).ready(), "its images are made, for the moderator");
        assertFalse(moments.expiries.containsKey(ID), "a held moment does not expire as an abandoned one");
        assertEquals(List.of(new HeldForReview.Held("moment", ID, ID, "ana",
                "back image: Explicit 99.2%, Explicit Nudity 99.2%")), held);
        assertFalse(media.objects.containsKey(key(ImageRole.BACK)), "upload deleted");
        assertTrue(notifications.sent.isEmpty(), "nobody is told");
    }

    @Test
    void aLabelBelowTheThresholdDoesNotHold() {
        declare(null, ImageRole.BACK);
        upload(ImageRole.BACK, BORDER);

        assertEquals(MomentPublisher.Outcome.PUBLISHED, publisher.uploaded(key(ImageRole.BACK)).outcome());
        assertTrue(held.isEmpty());
    }

    @Test
    void aCaptionTheWordListFlagsHoldsACleanImage() {
        declare("lol k y s", ImageRole.BACK);
        upload(ImageRole.BACK, CLEAN);

        assertEquals(MomentPublisher.Outcome.HELD, publisher.uploaded(key(ImageRole.BACK)).outcome());
        assertTrue(moments.get(ID).held());
        assertEquals("caption: word list", held.getFirst().why());
    }

    @Test
    void oneFlaggedImageOfTwoHoldsTheMomentOnceWhicheverArrivesFirst() {
        declare(null, ImageRole.BACK, ImageRole.FRONT);
        upload(ImageRole.FRONT, NUDE);
        upload(ImageRole.BACK, NUDE);

        assertEquals(MomentPublisher.Outcome.HELD, publisher.uploaded(key(ImageRole.FRONT)).outcome());
        assertEquals(MomentPublisher.Outcome.IMAGE_READY, publisher.uploaded(key(ImageRole.BACK)).outcome(),
                "held once: the metric counts moments, not images");

        assertEquals(MomentStatus.PENDING, moments.get(ID).status());
        assertTrue(moments.get(ID).images().values().stream().allMatch(MomentImage::ready));
        assertEquals(1, held.size(), "held once, not once per image");
        assertEquals("front image: Explicit 99.2%, Explicit Nudity 99.2%", held.getFirst().why());
    }

    @Test
    void aRetriedEventOfAHeldMomentHoldsNothingTwiceAndNeverPublishes() {
        declare(null, ImageRole.BACK);
        upload(ImageRole.BACK, NUDE);
        publisher.uploaded(key(ImageRole.BACK));
        upload(ImageRole.BACK, NUDE); // S3 delivers the event again, the upload still there

        MomentPublisher.Result again = publisher.uploaded(key(ImageRole.BACK));

        assertEquals(MomentPublisher.Outcome.DUPLICATE, again.outcome());
        assertEquals(MomentStatus.PENDING, moments.get(ID).status());
        assertEquals(1, held.size());
    }

    @Test
    void aClassifierFailureFailsTheEventAndPublishesNothingUnscreened() {
        declare(null, ImageRole.BACK);
        upload(ImageRole.BACK, CLEAN);
        MomentPublisher throttled = new MomentPublisher(moments, media, photos,
                new Screening(jpeg -> {
                    throw new IllegalStateException("ThrottlingException after the SDK's retries");
                }, ConfidenceThreshold.DEFAULT, TextFilter.NONE), held::add, notifications, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThrows(IllegalStateException.class, () -> throttled.uploaded(key(ImageRole.BACK)));

        assertEquals(MomentStatus.PENDING, moments.get(ID).status());
        assertFalse(moments.get(ID).images().get(ImageRole.BACK).ready(), "not marked ready, so the retry screens it");
        assertTrue(media.objects.containsKey(key(ImageRole.BACK)), "the upload stays for the retry");
        assertEquals(MomentPublisher.Outcome.PUBLISHED, publisher.uploaded(key(ImageRole.BACK)).outcome(),
                "the retry, once the classifier answers, publishes");
    }

    @Test
    void anImageTheClassifierCannotReadIsRejectedAsABadFileIs() {
        declare(null, ImageRole.BACK);
        upload(ImageRole.BACK, BROKEN);

        MomentPublisher.Result result = publisher.uploaded(key(ImageRole.BACK));

        assertEquals(MomentPublisher.Outcome.REJECTED, result.outcome());
        assertEquals(MomentStatus.REJECTED, moments.get(ID).status());
        assertEquals(MomentPublisher.UNSCREENABLE, moments.get(ID).rejectReason());
        assertEquals(NotificationType.MOMENT_REJECTED, notifications.sent.getFirst().type());
        assertTrue(held.isEmpty());
    }

    @Test
    void releasePublishesAHeldMomentOnceAsAnUnflaggedOneIsPublished() {
        declare(null, ImageRole.BACK);
        upload(ImageRole.BACK, NUDE);
        publisher.uploaded(key(ImageRole.BACK));

        MomentPublisher.Result released = held().release(ID);

        assertEquals(MomentPublisher.Outcome.PUBLISHED, released.outcome());
        assertEquals(MomentStatus.PUBLISHED, moments.get(ID).status());
        assertFalse(moments.get(ID).held());
        assertEquals(NOW, moments.get(ID).publishedAt());
        assertEquals(MomentPublisher.Outcome.DUPLICATE, held().release(ID).outcome(), "a second release changes nothing");
        assertEquals(MomentPublisher.Outcome.IGNORED, held().release("01JD8X3Q6Z7V9K2M4N5P6R7S8V").outcome());
    }

    @Test
    void aReleasedMomentStillMissingAnImagePublishesWhenThatImageLands() {
        declare("kys", ImageRole.BACK, ImageRole.FRONT);
        upload(ImageRole.BACK, CLEAN);
        publisher.uploaded(key(ImageRole.BACK));
        assertTrue(moments.get(ID).held());

        assertEquals(MomentPublisher.Outcome.RELEASED, held().release(ID).outcome());
        assertFalse(moments.get(ID).held());
        assertEquals(MomentStatus.PENDING, moments.get(ID).status());
        held.clear();
        upload(ImageRole.FRONT, CLEAN);
        MomentPublisher.Result last = publisher.uploaded(key(ImageRole.FRONT));
        assertEquals(MomentPublisher.Outcome.PUBLISHED, last.outcome(), "the caption a moderator let be holds nothing");
        assertTrue(held.isEmpty());
    }

    @Test
    void anImageLandingAfterAReleaseIsScreenedAndHeldAgain() {
        declare(null, ImageRole.BACK, ImageRole.FRONT);
        upload(ImageRole.BACK, NUDE);
        publisher.uploaded(key(ImageRole.BACK));
        held().release(ID);
        upload(ImageRole.FRONT, NUDE);

        assertEquals(MomentPublisher.Outcome.HELD, publisher.uploaded(key(ImageRole.FRONT)).outcome());
        assertTrue(moments.get(ID).held(), "the moderator never saw this image");
        assertEquals(2, held.size());
    }

    private static String key(ImageRole role) {
        return MediaKeys.upload("ana", ID, role);
    }

    private void declare(String caption, ImageRole... roles) {
        Map<ImageRole, MomentImage> images = new EnumMap<>(ImageRole.class);
        for (ImageRole role : roles) {
            images.put(role, MomentImage.declared(role, "image/jpeg", CLEAN.length));
        }
        moments.create(new Moment(ID, "ana", caption, Audience.FRIENDS, "north", MomentStatus.PENDING, null, NOW, null,
                null, images), NOW.plusSeconds(3600));
    }

    private void upload(ImageRole role, byte[] bytes) {
        media.write(MediaKeys.upload("ana", ID, role), bytes, "image/jpeg");
    }

    /** What a moderator's dismiss calls. */
    private HeldMoments held() {
        return new HeldMoments(moments, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
