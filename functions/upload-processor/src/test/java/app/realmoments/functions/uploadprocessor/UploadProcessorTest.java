package app.realmoments.functions.uploadprocessor;

import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.events.MalformedEventException;
import app.realmoments.events.TestEvents;
import app.realmoments.http.TestContext;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentPublisher;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.PhotoPipeline;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The S3 event's bytes in, as Lambda hands them to the handler. */
class UploadProcessorTest {

    static final String EVENT = Events.read("s3-upload-created.json");
    /** The key in events/s3-upload-created.json: its ids need no URL-encoding, so it is the object's key too. */
    static final String KEY = JsonTrees.tree(EVENT).at("/Records/0/s3/object/key").asText();

    @Test
    void anUploadEventPublishesItsMoment() {
        MediaKeys.UploadKey upload = MediaKeys.parseUpload(KEY).orElseThrow();
        InMemoryMomentStore moments = new InMemoryMomentStore();
        InMemoryMediaStore media = new InMemoryMediaStore();
        byte[] bytes = {1, 2, 3};
        moments.create(new Moment(upload.momentId(), upload.userId(), null, Audience.FRIENDS, null, MomentStatus.PENDING,
                null, Instant.now(), null, null, Map.of(ImageRole.BACK, MomentImage.declared(ImageRole.BACK, "image/jpeg", 3))),
                Instant.now());
        media.write(KEY, bytes, "image/jpeg");
        PhotoPipeline photos = (b, t) -> new PhotoPipeline.Accepted(new byte[] {9}, new byte[] {8}, 10, 10);
        UploadProcessor handler = new UploadProcessor(new MomentPublisher(moments, media, photos,
                new RecordingNotificationQueue(), Clock.systemUTC()));

        assertEquals("null", invoke(handler, EVENT, new TestContext("r1")), "what a handler returning nothing answered");

        assertEquals(MomentStatus.PUBLISHED, moments.get(upload.momentId()).status());
        assertFalse(media.objects.containsKey(KEY));
    }

    @Test
    void urlEncodedKeysAreDecodedBeforeUse() {
        String event = EVENT.replace(KEY, "uploads/some+user%2Bx/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back");
        InMemoryMediaStore media = new InMemoryMediaStore();
        media.write("uploads/some user+x/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back", new byte[] {1}, "image/jpeg");
        invoke(new UploadProcessor(new MomentPublisher(new InMemoryMomentStore(), media, (b, t) -> null,
                new RecordingNotificationQueue(), Clock.systemUTC())), event, new TestContext("r2"));
        assertFalse(media.objects.containsKey("uploads/some user+x/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back"),
                "the decoded key was found (and, declared by no moment, deleted)");
    }

    @Test
    void anEventWithAKeyThatIsNotUrlEncodedFailsBeforeAnyOfItsRecordsRuns() {
        Object record = TestEvents.records(EVENT).getFirst();
        Object bad = TestEvents.records(EVENT.replace(KEY, "uploads/100%/back")).getFirst();
        InMemoryMediaStore media = new InMemoryMediaStore();
        media.write(KEY, new byte[] {1}, "image/jpeg");
        UploadProcessor handler = new UploadProcessor(new MomentPublisher(new InMemoryMomentStore(), media, (b, t) -> null,
                new RecordingNotificationQueue(), Clock.systemUTC()));

        assertThrows(MalformedEventException.class,
                () -> invoke(handler, TestEvents.batch(List.of(record, bad)), new TestContext("r3")));
        assertTrue(media.objects.containsKey(KEY), "the well-formed record did not run either: Lambda retries the event whole");
    }
}
