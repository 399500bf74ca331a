package app.realmoments.text;

import app.realmoments.error.Problem;
import java.text.Normalizer;
import java.util.Set;

/**
 * The one rule for everything a person types (captions, comments, display names, notes, campus names):
 * NFC-normalised and trimmed; no control characters (a line break only where lines are allowed), no bidi
 * controls, no zero-width or other format characters, no unassigned code points or lone surrogates, and
 * at least one visible character. The two joiners are the exception where they join: ZWJ inside an
 * emoji sequence (a family, a rainbow flag) and ZWNJ between letters (Persian and Indic spelling need
 * it), and tag characters after the black flag of a subdivision flag; anywhere else they are refused.
 */
public final class TypedText {

    /** Whether a line break may appear (captions, comments) or not (names). */
    public enum Lines { ONE, MANY }

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int CANCEL_TAG = 0xE007F;
    /** Letters and symbols that render as nothing: a name of only these is a name of nothing. */
    private static final Set<Integer> BLANK_LOOKING = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x180E);

    private TypedText() {
    }

    /**
     * The checked text: NFC, trimmed, at most {@code max} code points. Null or blank input gives null,
     * so an optional field simply stays empty; use {@link #required} where the field must have text.
     */
    public static String optional(String field, String value, int max, Lines lines) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC).strip();
        if (text.isEmpty()) {
            return null;
        }
        int[] points = text.codePoints().toArray();
        if (points.length > max) {
            throw Problem.invalid(field, field + " is longer than " + max + " characters");
        }
        boolean visible = false;
        for (int i = 0; i < points.length; i++) {
            int cp = points[i];
            String refused = refusal(points, i, lines);
            if (refused != null) {
                throw Problem.invalid(field, field + " must not contain " + refused
                        + String.format(" (U+%04X at character %d)", cp, i + 1));
            }
            visible |= isVisible(cp);
        }
        if (!visible) {
            throw Problem.invalid(field, field + " must have at least one visible character");
        }
        return text;
    }

    /** The same, for a field that must hold text: null or blank is refused. */
    public static String required(String field, String value, int max, Lines lines) {
        String text = optional(field, value, max, lines);
        if (text == null) {
            throw Problem.invalid(field, field + " must have 1 to " + max + " characters");
        }
        return text;
    }

    /** What is wrong with the code point at {@code i}, or null when it may stand there. */
    private static String refusal(int[] points, int i, Lines lines) {
        int cp = points[i];
        int type = Character.getType(cp);
        if (type == Character.CONTROL) {
            return cp == '\n' && lines == Lines.MANY ? null : "control characters";
        }
        if (type == Character.UNASSIGNED) {
            return "unassigned code points";
        }
        if (type == Character.SURROGATE) {
            return "a lone surrogate";
        }
        if (cp == 0x2028 || cp == 0x2029) {
            return lines == Lines.MANY ? "line or paragraph separators (use a line break)" : "line breaks";
        }
        if (isBidiControl(cp)) {
            return "bidi controls";
        }
        if (type != Character.FORMAT) {
            return null;
        }
        int before = i > 0 ? points[i - 1] : -1;
        int after = i + 1 < points.length ? points[i + 1] : -1;
        if (cp == ZWJ && isEmojiPart(before) && isEmojiPart(after)) {
            return null;
        }
        if (cp == ZWNJ && Character.isLetter(before) && Character.isLetter(after)) {
            return null;
        }
        if (cp >= 0xE0020 && cp <= CANCEL_TAG && inTagSequence(points, i)) {
            return null;
        }
        return "zero-width or other format characters";
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    /** An emoji, or what may end the part of a ZWJ sequence before the joiner (a skin tone, VS16). */
    private static boolean isEmojiPart(int cp) {
        return cp >= 0 && (Character.isEmoji(cp) || Character.isEmojiComponent(cp) || cp == 0xFE0F);
    }

    /** Tag characters count only after a black flag, up to the cancel tag that closes them. */
    private static boolean inTagSequence(int[] points, int i) {
        int j = i;
        while (j > 0 && points[j - 1] >= 0xE0020 && points[j - 1] < CANCEL_TAG) {
            j--;
        }
        return j > 0 && points[j - 1] == BLACK_FLAG;
    }

    private static boolean isVisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || BLANK_LOOKING.contains(cp)) {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                 Character.UNASSIGNED, Character.SURROGATE -> false;
            default -> !(cp >= 0xFE00 && cp <= 0xFE0F) && !(cp >= 0xE0100 && cp <= 0xE01EF);
        };
    }
}
