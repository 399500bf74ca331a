package app.realmoments.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person may type: real text in any script, emoji included; nothing that hides, reorders or fakes it. */
class TypedTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Maya Lin", "José", "Zoë", "李小龍", "محمد", "नमस्ते", "Ǆemal", "👨‍👩‍👧 family day",
            "🏳️‍🌈", "🏴󠁧󠁢󠁳󠁣󠁴󠁿 game", "می‌خواهم", "a\u0301", "1️⃣"})
    void textInAnyScriptPasses(String value) {
        assertEquals(java.text.Normalizer.normalize(value, java.text.Normalizer.Form.NFC),
                TypedText.required("text", value, 50, TypedText.Lines.ONE));
    }

    @Test
    void textIsNormalisedAndTrimmed() {
        assertEquals("José", TypedText.required("displayName", "  Jose\u0301 ", 50, TypedText.Lines.ONE));
        assertNull(TypedText.optional("caption", "   ", 500, TypedText.Lines.MANY), "blank is no caption");
        assertEquals("two\nlines", TypedText.optional("caption", "two\nlines", 500, TypedText.Lines.MANY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200B", "\u3164", "\u2800", " \u00A0 ", "\u0301", "\uFE0F", "\u115F\u1160"})
    void aNameOfNothingVisibleIsRefused(String value) {
        Problem refused = assertThrows(Problem.class, () -> TypedText.required("displayName", value, 50, TypedText.Lines.ONE));
        assertEquals("displayName", refused.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin\u202Egnp.exe", "\u2066hi\u2069", "left\u200Fright", "a\u061Cb", "zero\u200Bwidth",
            "bom\uFEFF", "join\u2060er", "soft\u00ADhyphen", "bell\u0007", "tab\there", "nul\u0000", "esc\u001B[31m",
            "line\u2028sep", "lone\uD800surrogate", "unassigned\uD83F\uDFFE", "\u0378", "stray\u200Djoiner",
            "\u200Dstart", "tag\uDB40\uDC41", "ab\u200C", "\u200Ccd"})
    void hiddenReorderingAndControlCharactersAreRefused(String value) {
        Problem refused = assertThrows(Problem.class, () -> TypedText.required("text", value, 100, TypedText.Lines.ONE));
        assertEquals(Problem.Kind.INVALID, refused.kind());
        assertTrue(refused.getMessage().startsWith("text must"), refused.getMessage());
    }

    @Test
    void lineBreaksOnlyWhereLinesAreAllowed() {
        assertThrows(Problem.class, () -> TypedText.required("displayName", "two\nlines", 50, TypedText.Lines.ONE));
        assertThrows(Problem.class, () -> TypedText.required("text", "cr\rlf", 50, TypedText.Lines.MANY));
    }

    @Test
    void theLengthIsCountedInCharactersAfterNormalising() {
        assertEquals("🔥".repeat(50), TypedText.required("displayName", "🔥".repeat(50), 50, TypedText.Lines.ONE));
        Problem tooLong = assertThrows(Problem.class,
                () -> TypedText.required("displayName", "a".repeat(51), 50, TypedText.Lines.ONE));
        assertEquals("displayName is longer than 50 characters", tooLong.getMessage());
        assertEquals("text must have 1 to 1000 characters",
                assertThrows(Problem.class, () -> TypedText.required("text", null, 1000, TypedText.Lines.MANY)).getMessage());
    }
}
