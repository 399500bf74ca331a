package app.realmoments.screening;

import java.util.List;

/**
 * Says what objectionable content an image holds: Amazon Rekognition's moderation labels on AWS, a
 * deterministic stand-in locally ({@link LocalContentClassifier}). It is given the processed image (the
 * re-encoded, metadata-free JPEG the app would serve), never the raw upload.
 */
public interface ContentClassifier {

    /**
     * The labels it found, each with its confidence (an adapter may leave out labels below the stage's
     * threshold, as Rekognition's MinConfidence does); empty for a clean image. A classifier that cannot be
     * reached or is throttled throws, so the upload is tried again rather than published unscreened.
     *
     * @throws UnreadableImage when the classifier refuses the image itself (not an image it can decode)
     */
    List<ModerationLabel> labels(byte[] jpeg);

    /** The classifier cannot read this image: the moment is rejected, as the pipeline rejects a bad file. */
    final class UnreadableImage extends RuntimeException {

        public UnreadableImage(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
