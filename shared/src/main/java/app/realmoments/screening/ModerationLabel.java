package app.realmoments.screening;

/**
 * One thing a classifier saw in an image, in Rekognition's moderation taxonomy: a label such as
 * {@code Explicit Nudity}, its parent ({@code ""} for a top-level label) and a confidence of 0 to 100.
 */
public record ModerationLabel(String name, String parent, double confidence) {

    public ModerationLabel {
        parent = parent == null ? "" : parent;
    }

    /** For a moderator: {@code Explicit Nudity 99.1%}. */
    @Override
    public String toString() {
        return name + " " + String.format(java.util.Locale.ROOT, "%.1f", confidence) + "%";
    }
}
