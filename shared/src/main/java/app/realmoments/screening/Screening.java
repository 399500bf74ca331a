package app.realmoments.screening;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What is held for review before anyone sees it: an image with a moderation label at or above the stage's
 * threshold, and text (a caption, a comment) that uses a term of the stage's word list. Each answer is the
 * reason a moderator reads, or empty when the content may be shown.
 */
public final class Screening {

    /** What a moderator reads for text the word list flagged. */
    public static final String WORD_LIST = "word list";

    /** Nothing is held: for tests and wiring without a classifier. */
    public static final Screening OFF = new Screening(jpeg -> List.of(), ConfidenceThreshold.DEFAULT, TextFilter.NONE);

    private final ContentClassifier classifier;
    private final ConfidenceThreshold threshold;
    private final TextFilter words;

    public Screening(ContentClassifier classifier, ConfidenceThreshold threshold, TextFilter words) {
        this.classifier = classifier;
        this.threshold = threshold;
        this.words = words;
    }

    /**
     * The labels that hold this image, as a moderator reads them ({@code Explicit Nudity 99.0%, ...}).
     *
     * @throws ContentClassifier.UnreadableImage when the classifier cannot read it
     */
    public Optional<String> image(byte[] jpeg) {
        List<ModerationLabel> reached = threshold.reached(classifier.labels(jpeg));
        return reached.isEmpty() ? Optional.empty()
                : Optional.of(reached.stream().map(ModerationLabel::toString).collect(Collectors.joining(", ")));
    }

    /** {@link #WORD_LIST} when the text uses a listed term. */
    public Optional<String> text(String text) {
        return words.flags(text) ? Optional.of(WORD_LIST) : Optional.empty();
    }
}
