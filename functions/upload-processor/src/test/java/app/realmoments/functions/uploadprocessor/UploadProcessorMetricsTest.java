package app.realmoments.functions.uploadprocessor;

import static app.realmoments.events.TestEvents.invoke;
import static app.realmoments.testing.CapturedLogs.capture;
import static app.realmoments.testing.CapturedLogs.emf;
import static app.realmoments.testing.CapturedLogs.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.http.TestContext;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentPublisher;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.PhotoPipeline;
import app.realmoments.screening.ConfidenceThreshold;
import app.realmoments.screening.ModerationLabel;
import app.realmoments.screening.Screening;
import app.realmoments.screening.TextFilter;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** The processor's embedded metrics and log line: what the dashboard and Logs Insights queries read. */
@ResourceLock(Resources.SYSTEM_OUT)
class UploadProcessorMetricsTest {

    private final String key = UploadProcessorTest.KEY;
    private final MediaKeys.UploadKey upload = MediaKeys.parseUpload(key).orElseThrow();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryMediaStore media = new InMemoryMediaStore();

    UploadProcessorMetricsTest() {
        moments.create(new Moment(upload.momentId(), upload.userId(), null, Audience.FRIENDS, null, MomentStatus.PENDING,
                null, Instant.now(), null, null, Map.of(ImageRole.BACK, MomentImage.declared(ImageRole.BACK, "image/jpeg", 3))),
                Instant.now());
        media.write(key, new byte[] {1, 2, 3}, "image/jpeg");
    }

    @Test
    void aPublishedMomentIsCountedAndLoggedWithItsIds() {
        List<JsonNode> lines = run((b, t) -> new PhotoPipeline.Accepted(new byte[] {9}, new byte[] {8}, 10, 10));

        JsonNode metric = emf(lines);
        assertEquals(1, metric.get("MomentsPublished").asInt());
        assertEquals(0, metric.get("MomentsRejected").asInt());
        JsonNode log = only(lines, "upload handled");
        assertEquals(upload.momentId(), log.get("momentId").asText());
        assertEquals(upload.userId(), log.get("userId").asText());
        assertEquals("published", log.get("outcome").asText());
        assertEquals("r1", log.get("requestId").asText());
    }

    @Test
    void aRejectedPhotoIsCountedAsRejected() {
        JsonNode metric = emf(run((b, t) -> new PhotoPipeline.Rejected("not_an_image")));
        assertEquals(0, metric.get("MomentsPublished").asInt());
        assertEquals(1, metric.get("MomentsRejected").asInt());
    }

    @Test
    void aFailureIsCountedLoggedWithTheMomentAndStillRethrownForLambdaToRetry() {
        List<JsonNode> lines = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> capture(() -> invoke(handler((b, t) -> {
            throw new IllegalStateException("decoder crashed");
        }), UploadProcessorTest.EVENT, new TestContext("r3")), lines));
        assertEquals(1, emf(lines).get("UploadFailures").asInt());
        JsonNode log = only(lines, "upload failed");
        assertEquals(upload.momentId(), log.get("momentId").asText());
        assertEquals("failed", log.get("outcome").asText());
    }

    @Test
    void aHeldMomentIsCountedAsHeldAndLoggedWithWhatFlaggedIt() {
        Screening flagsAll = new Screening(jpeg -> List.of(new ModerationLabel("Explicit", "", 99.5)),
                ConfidenceThreshold.DEFAULT, TextFilter.NONE);
        UploadProcessor handler = new UploadProcessor(new MomentPublisher(moments, media,
                (b, t) -> new PhotoPipeline.Accepted(new byte[] {9}, new byte[] {8}, 10, 10), flagsAll,
                HeldForReview.NONE, new RecordingNotificationQueue(), Clock.systemUTC()));
        List<JsonNode> lines = capture(() -> invoke(handler, UploadProcessorTest.EVENT, new TestContext("r4")));

        JsonNode metric = emf(lines);
        assertEquals(1, metric.get("MomentsHeld").asInt());
        assertEquals(0, metric.get("MomentsPublished").asInt());
        JsonNode log = only(lines, "upload handled");
        assertEquals("held", log.get("outcome").asText());
        assertEquals("back image: Explicit 99.5%", log.get("detail").asText());
    }

    private UploadProcessor handler(PhotoPipeline photos) {
        return new UploadProcessor(new MomentPublisher(moments, media, photos, new RecordingNotificationQueue(),
                Clock.systemUTC()));
    }

    private List<JsonNode> run(PhotoPipeline photos) {
        return capture(() -> invoke(handler(photos), UploadProcessorTest.EVENT, new TestContext("r1")));
    }
}
