package app.realmoments.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScreeningTest {

    private static final List<ModerationLabel> LABELS = List.of(
            new ModerationLabel("Suggestive", "", 79.99),
            new ModerationLabel("Explicit", "", 80.0),
            new ModerationLabel("Explicit Nudity", "Explicit", 93.456));

    @Test
    void anImageIsHeldWhenAnyLabelReachesTheThresholdAndTheReasonNamesThoseLabels() {
        Screening screening = new Screening(jpeg -> LABELS, new ConfidenceThreshold(80), TextFilter.NONE);
        assertEquals(Optional.of("Explicit 80.0%, Explicit Nudity 93.5%"), screening.image(new byte[0]));
    }

    @Test
    void labelsBelowTheThresholdOrNoneHoldNothing() {
        assertEquals(Optional.empty(), new Screening(jpeg -> LABELS, new ConfidenceThreshold(95), TextFilter.NONE)
                .image(new byte[0]));
        assertEquals(Optional.empty(), new Screening(jpeg -> List.of(), new ConfidenceThreshold(0), TextFilter.NONE)
                .image(new byte[0]));
        assertEquals(Optional.empty(), Screening.OFF.image(new byte[0]));
    }

    @Test
    void thresholdZeroHoldsEveryLabelAndAHundredOnlyCertainty() {
        assertEquals(3, new ConfidenceThreshold(0).reached(LABELS).size());
        assertEquals(List.of(), new ConfidenceThreshold(100).reached(LABELS));
    }

    @Test
    void textIsHeldByTheWordList() {
        Screening screening = new Screening(jpeg -> List.of(), ConfidenceThreshold.DEFAULT, TextFilter.named("default"));
        assertEquals(Optional.of(Screening.WORD_LIST), screening.text("badword-test"));
        assertEquals(Optional.empty(), screening.text("Scunthorpe"));
        assertEquals(Optional.empty(), screening.text(null));
    }

    @Test
    void theThresholdIsANumberFromZeroToAHundredAndABadOneNamesItsVariable() {
        assertEquals(80.0, ConfidenceThreshold.parse("T", "80").percent());
        assertEquals(62.5, ConfidenceThreshold.parse("T", " 62.5 ").percent());
        assertEquals(0.0, ConfidenceThreshold.parse("T", "0").percent());
        assertEquals(100.0, ConfidenceThreshold.parse("T", "100").percent());
        for (String bad : List.of("-1", "100.5", "eighty", "", "NaN")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ConfidenceThreshold.parse("MODERATION_CONFIDENCE_THRESHOLD", bad), bad);
            assertTrue(e.getMessage().startsWith("MODERATION_CONFIDENCE_THRESHOLD"), e.getMessage());
        }
    }
}
