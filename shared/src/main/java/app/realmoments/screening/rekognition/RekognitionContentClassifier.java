package app.realmoments.screening.rekognition;

import app.realmoments.screening.ConfidenceThreshold;
import app.realmoments.screening.ContentClassifier;
import app.realmoments.screening.ModerationLabel;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.rekognition.RekognitionClient;
import software.amazon.awssdk.services.rekognition.model.DetectModerationLabelsResponse;
import software.amazon.awssdk.services.rekognition.model.ImageTooLargeException;
import software.amazon.awssdk.services.rekognition.model.InvalidImageFormatException;
import software.amazon.awssdk.services.rekognition.model.InvalidParameterException;

/**
 * Amazon Rekognition {@code DetectModerationLabels} on the image's bytes, asking only for labels at or
 * above the stage's threshold ({@code MinConfidence}). Rekognition refusing the image itself (not a format
 * it reads, too large, a bad parameter) is {@link UnreadableImage}; throttling and server errors are
 * retried by the SDK and then thrown, so the upload event is tried again and nothing publishes unscreened.
 */
public final class RekognitionContentClassifier implements ContentClassifier {

    private final RekognitionClient rekognition;
    private final float minConfidence;

    public RekognitionContentClassifier(RekognitionClient rekognition, ConfidenceThreshold threshold) {
        this.rekognition = rekognition;
        this.minConfidence = (float) threshold.percent();
    }

    @Override
    public List<ModerationLabel> labels(byte[] jpeg) {
        DetectModerationLabelsResponse response;
        try {
            response = rekognition.detectModerationLabels(r -> r
                    .image(image -> image.bytes(SdkBytes.fromByteArray(jpeg)))
                    .minConfidence(minConfidence));
        } catch (InvalidImageFormatException | ImageTooLargeException | InvalidParameterException refused) {
            throw new UnreadableImage("Rekognition refused the image: " + refused.awsErrorDetails().errorCode(), refused);
        }
        return response.moderationLabels().stream()
                .map(label -> new ModerationLabel(label.name(), label.parentName(),
                        label.confidence() == null ? 0 : label.confidence()))
                .toList();
    }
}
