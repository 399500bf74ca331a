package app.realmoments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.testing.Events;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3RecordTest {

    private static final String SAMPLE_KEY = "uploads/01JD8X3Q6Z7V9K2M4N5P6R7S8T/01M8KK11T8Q32D8A1HM0318YS5/back";

    private static List<S3Record> read(String json) throws IOException {
        return S3Record.readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** The committed event with its key replaced by this one, as S3 would have written it into the event. */
    private static String withKey(String eventKey) {
        return Events.read("s3-upload-created.json").replace(SAMPLE_KEY, eventKey);
    }

    @Test
    void theCommittedEventReadsAsLambdaReadsIt() throws IOException {
        S3EventNotification.S3EventNotificationRecord lambda =
                Events.load("s3-upload-created.json", S3Event.class).getRecords().getFirst();
        S3Record record = read(Events.read("s3-upload-created.json")).getFirst();
        assertEquals(new S3Record("ObjectCreated:Put", "real-moments-media-123456789012-us-east-1-dev", SAMPLE_KEY, 2483017L),
                record);
        assertEquals(lambda.getEventName(), record.eventName());
        assertEquals(lambda.getS3().getBucket().getName(), record.bucket());
        assertEquals(lambda.getS3().getObject().getSizeAsLong(), record.size());
    }

    /**
     * Keys as S3 writes them into events (URL-encoded as a form value) and the key of the object: the
     * same as the upload processor has always computed, URLDecoder over what Lambda's serializer read.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "uploads/some+user%2Bx/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back | uploads/some user+x/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back",
            "uploads/u/m/caf%C3%A9+%E2%98%95.jpg                   | uploads/u/m/café ☕.jpg",
            "uploads%2Fu%2Fm%2Fback                                | uploads/u/m/back",
            "uploads/a%25b/c%3Dd%26e/f%3Fg                         | uploads/a%b/c=d&e/f?g",
            "uploads/u/m/back                                      | uploads/u/m/back",
    })
    void theKeyIsDecodedExactlyAsTheProcessorDecodedItBefore(String eventKey, String objectKey) throws IOException {
        String json = withKey(eventKey);
        String before = URLDecoder.decode(Events.fromJson(json, S3Event.class).getRecords().getFirst().getS3().getObject().getKey(),
                StandardCharsets.UTF_8);
        assertEquals(objectKey, before, "the case itself");
        assertEquals(before, read(json).getFirst().key());
    }

    @Test
    void aKeyThatIsNotUrlEncodedOrMissingFailsTheWholeEvent() {
        MalformedEventException bad = assertThrows(MalformedEventException.class, () -> read(withKey("uploads/100%/back")));
        assertTrue(bad.getMessage().contains("uploads/100%/back is not URL-encoded"), bad.getMessage());
        MalformedEventException missing = assertThrows(MalformedEventException.class,
                () -> read("{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"object\": {\"size\": 1}}}]}"));
        assertEquals("Records[0].s3.object.key is missing", missing.getMessage());
        MalformedEventException size = assertThrows(MalformedEventException.class,
                () -> read("{\"Records\": [{\"s3\": {\"object\": {\"key\": \"k\", \"size\": \"12\"}}}]}"));
        assertEquals("Records[0].s3.object.size: expected a whole number, found a string", size.getMessage());
    }

    @Test
    void whatTheEventLeavesOutIsNull() throws IOException {
        assertEquals(new S3Record(null, null, "k", null), read("{\"Records\": [{\"s3\": {\"object\": {\"key\": \"k\"}}}]}").getFirst());
    }
}
