package app.realmoments.screening.rekognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.RekognitionClients;
import app.realmoments.screening.ConfidenceThreshold;
import app.realmoments.screening.ContentClassifier;
import app.realmoments.screening.ModerationLabel;
import app.realmoments.screening.Screening;
import app.realmoments.screening.TextFilter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.ThrottlingException;

/** The adapter through the real SDK client, against recorded DetectModerationLabels responses. */
class RekognitionContentClassifierTest {

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};

    @Test
    void sendsTheImageBytesWithTheThresholdAsMinConfidenceAndReadsACleanAnswer() throws Exception {
        try (RecordedRekognition rekognition = new RecordedRekognition().answer(200, null, "detect-moderation-labels-clean.json");
             RekognitionClient client = client(rekognition)) {
            List<ModerationLabel> labels = new RekognitionContentClassifier(client, new ConfidenceThreshold(75)).labels(JPEG);

            assertEquals(List.of(), labels);
            RecordedRekognition.Request sent = rekognition.requests().getFirst();
            assertEquals("RekognitionService.DetectModerationLabels", sent.target());
            JsonNode body = new ObjectMapper().readTree(sent.body());
            assertEquals(75.0, body.get("MinConfidence").asDouble());
            assertEquals(Base64.getEncoder().encodeToString(JPEG), body.get("Image").get("Bytes").asText());
        }
    }

    @Test
    void readsExplicitLabelsWithTheirParentsAndTheRuleHoldsTheImage() throws Exception {
        try (RecordedRekognition rekognition = new RecordedRekognition().answer(200, null, "detect-moderation-labels-explicit.json");
             RekognitionClient client = client(rekognition)) {
            RekognitionContentClassifier classifier = new RekognitionContentClassifier(client, ConfidenceThreshold.DEFAULT);
            List<ModerationLabel> labels = classifier.labels(JPEG);

            assertEquals(4, labels.size());
            assertEquals(new ModerationLabel("Explicit Nudity", "Explicit", 99.6128158569336f), labels.get(1));
            assertEquals("Explicit Nudity", labels.get(2).parent());
            assertEquals("", labels.get(0).parent());
            Optional<String> why = new Screening(classifier, ConfidenceThreshold.DEFAULT, TextFilter.NONE).image(JPEG);
            assertEquals(Optional.of("Explicit 99.6%, Explicit Nudity 99.6%, Exposed Female Nipple 97.8%,"
                    + " Non-Explicit Nudity of Intimate parts and Kissing 81.2%"), why);
        }
    }

    @Test
    void anImageRekognitionCannotReadIsUnreadableSoTheMomentIsRejected() throws Exception {
        try (RecordedRekognition rekognition = new RecordedRekognition()
                .answer(400, "InvalidImageFormatException", "invalid-image-format.json");
             RekognitionClient client = client(rekognition)) {
            ContentClassifier classifier = new RekognitionContentClassifier(client, ConfidenceThreshold.DEFAULT);

            ContentClassifier.UnreadableImage unreadable = assertThrows(ContentClassifier.UnreadableImage.class,
                    () -> classifier.labels(JPEG));
            assertTrue(unreadable.getMessage().contains("InvalidImageFormatException"), unreadable.getMessage());
            assertEquals(1, rekognition.requests().size(), "a refused image is not tried again");
        }
    }

    @Test
    void throttlingIsRetriedByTheSdkAndThenSurfacesSoTheUploadEventIsRetried() throws Exception {
        try (RecordedRekognition rekognition = new RecordedRekognition()
                .answer(400, "ThrottlingException", "throttling.json");
             RekognitionClient client = client(rekognition)) {
            ContentClassifier classifier = new RekognitionContentClassifier(client, ConfidenceThreshold.DEFAULT);

            assertThrows(ThrottlingException.class, () -> classifier.labels(JPEG));
            assertTrue(rekognition.requests().size() > 1, "the SDK's own retries ran first: " + rekognition.requests().size());
        }
    }

    @Test
    void aThrottleThatPassesIsInvisible() throws Exception {
        try (RecordedRekognition rekognition = new RecordedRekognition()
                .answer(400, "ThrottlingException", "throttling.json")
                .answer(500, "InternalServerError", "throttling.json")
                .answer(200, null, "detect-moderation-labels-explicit.json");
             RekognitionClient client = client(rekognition)) {
            assertEquals(4, new RekognitionContentClassifier(client, ConfidenceThreshold.DEFAULT).labels(JPEG).size());
            assertEquals(3, rekognition.requests().size());
        }
    }

    /** The client the upload processor builds (Wiring: AwsClients, then RekognitionClients), aimed at the recording. */
    private static RekognitionClient client(RecordedRekognition rekognition) {
        return RekognitionClients.create(AwsClients.from(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_ENDPOINT_URL", rekognition.endpoint())::get));
    }
}
