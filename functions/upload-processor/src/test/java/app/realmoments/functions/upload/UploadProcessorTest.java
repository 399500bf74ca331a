package app.realmoments.functions.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.realmoments.http.TestContext;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.PhotoPipeline;
import app.realmoments.moment.UploadProcessing;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.RecordingNotificationQueue;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadProcessorTest {

    @Test
    void anUploadEventPublishesItsMoment() {
        S3Event event = Events.load("s3-upload-created.json", S3Event.class);
        String key = event.getRecords().getFirst().getS3().getObject().getKey();
        MediaKeys.UploadKey upload = MediaKeys.parseUpload(key).orElseThrow();
        InMemoryMomentStore moments = new InMemoryMomentStore();
        InMemoryMediaStore media = new InMemoryMediaStore();
        byte[] bytes = {1, 2, 3};
        moments.create(new Moment(upload.momentId(), upload.userId(), null, Audience.FRIENDS, null, MomentStatus.PENDING,
                null, Instant.now(), null, null, Map.of(ImageRole.BACK, MomentImage.declared(ImageRole.BACK, "image/jpeg", 3))),
                Instant.now());
        media.write(key, bytes, "image/jpeg");
        PhotoPipeline photos = (b, t) -> new PhotoPipeline.Accepted(new byte[] {9}, new byte[] {8}, 10, 10);
        UploadProcessor handler = new UploadProcessor(new UploadProcessing(moments, media, photos,
                new RecordingNotificationQueue(), Clock.systemUTC()));

        handler.handleRequest(event, new TestContext("r1"));

        assertEquals(MomentStatus.PUBLISHED, moments.get(upload.momentId()).status());
        assertFalse(media.objects.containsKey(key));
    }

    @Test
    void urlEncodedKeysAreDecodedBeforeUse() {
        S3Event sample = Events.load("s3-upload-created.json", S3Event.class);
        String json = Events.read("s3-upload-created.json").replace(sample.getRecords().getFirst().getS3().getObject().getKey(),
                "uploads/some+user%2Bx/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back");
        S3Event event = Events.fromJson(json, S3Event.class);
        InMemoryMediaStore media = new InMemoryMediaStore();
        media.write("uploads/some user+x/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back", new byte[] {1}, "image/jpeg");
        new UploadProcessor(new UploadProcessing(new InMemoryMomentStore(), media, (b, t) -> null,
                new RecordingNotificationQueue(), Clock.systemUTC())).handleRequest(event, new TestContext("r2"));
        assertFalse(media.objects.containsKey("uploads/some user+x/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back"),
                "the decoded key was found (and, declared by no moment, deleted)");
    }
}
