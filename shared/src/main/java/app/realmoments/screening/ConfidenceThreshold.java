package app.realmoments.screening;

import java.util.List;

/**
 * The stage's confidence threshold (MODERATION_CONFIDENCE_THRESHOLD, 0 to 100, 80 unless set): an image is
 * held for review when any label's confidence is at or above it.
 */
public record ConfidenceThreshold(double percent) {

    public static final ConfidenceThreshold DEFAULT = new ConfidenceThreshold(80);

    public ConfidenceThreshold {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a confidence threshold is 0 to 100, not " + percent);
        }
    }

    /** Reads the variable's text, naming the variable when it is not a number from 0 to 100. */
    public static ConfidenceThreshold parse(String name, String text) {
        try {
            return new ConfidenceThreshold(Double.parseDouble(text.trim()));
        } catch (IllegalArgumentException e) { // NumberFormatException too
            throw new IllegalStateException(name + " must be a number from 0 to 100: " + text);
        }
    }

    /** The labels that reach the threshold: none means the image may be published. */
    public List<ModerationLabel> reached(List<ModerationLabel> labels) {
        return labels.stream().filter(label -> label.confidence() >= percent).toList();
    }
}
