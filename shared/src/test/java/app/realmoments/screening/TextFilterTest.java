package app.realmoments.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TextFilterTest {

    private static final TextFilter DEFAULT = TextFilter.named("default");

    @ParameterizedTest
    @ValueSource(strings = {
        "badword-test",
        "this is a BADWORD-TEST, ok",
        "badword test",
        "just kys",
        "KYS!!!",
        "k y s",
        "k.y.s",
        "k-y-s now",
        "ｋｙｓ", // fullwidth letters: NFKC makes them ASCII
        "kÿs", // an accent dropped
        "go k1ll y0urself",
        "kill   yourself",
        "Kill\nYourself",
        "you c.u.n.t",
        "CUNT",
    })
    void flagsListedTermsAndTheirObviousDisguises(String text) {
        assertTrue(DEFAULT.flags(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Scunthorpe United won 2-1",
        "scunthorpe",
        "a cunty", // not whole-word: the list must hold a variant itself
        "Kyser and kysely are names",
        "skills for yourself",
        "I will kill it at the exam, yourself included", // the words, not in a row
        "the badword list is a test",
        "2026 at 1337",
        "Sussex, Essex, Middlesex",
        "sunset at the quad 🌅",
        "",
    })
    void passesInnocentTextEvenWhenAListedTermHidesInsideAWord(String text) {
        assertFalse(DEFAULT.flags(text), text);
    }

    @Test
    void nothingAndNoListFlagNothing() {
        assertFalse(DEFAULT.flags(null));
        assertFalse(TextFilter.NONE.flags("kys"));
    }

    @Test
    void theDefaultListIsShortAndSkipsCommentLines() {
        assertEquals(6, DEFAULT.size());
    }

    @Test
    void wordsAreNormalisedOnBothSides() {
        assertEquals(List.of("strasse", "cafe", "2026", "leet", "as"), TextFilter.words("STRAẞE café 2026 l33t @$"));
    }

    @Test
    void aListThatDoesNotExistOrIsNotANameFailsAtStartUpNamingTheVariable() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> TextFilter.named("nope"));
        assertTrue(missing.getMessage().contains("TEXT_FILTER_LIST"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> TextFilter.named("../secret"));
        assertThrows(IllegalStateException.class, () -> TextFilter.named("Default"));
    }
}
