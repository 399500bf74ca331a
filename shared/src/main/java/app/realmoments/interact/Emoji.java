package app.realmoments.interact;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * A reaction is exactly one emoji: one extended grapheme cluster (so a family, a flag, a skin-toned
 * hand or a keycap count as one) made only of emoji code points and emoji components, and shown as
 * an emoji (an emoji-presentation code point, a variation selector 16, a keycap or a flag), so plain
 * digits, letters, {@code #} and text symbols are refused.
 */
public final class Emoji {

    /** The longest sequence accepted, in UTF-16 units (real ZWJ sequences stay far below). */
    static final int MAX_LENGTH = 32;

    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;
    private static final int KEYCAP = 0x20E3;

    private Emoji() {
    }

    public static boolean isSingleEmoji(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(value);
        if (graphemes.next() != value.length()) {
            return false; // more than one grapheme
        }
        int[] points = value.codePoints().toArray();
        int regionalIndicators = 0;
        boolean keycap = false;
        boolean selector = false;
        boolean base = false;
        boolean presentation = false;
        for (int cp : points) {
            boolean component = Character.isEmojiComponent(cp) || cp == ZWJ || cp == VS16;
            if (!Character.isEmoji(cp) && !component) {
                return false;
            }
            regionalIndicators += cp >= 0x1F1E6 && cp <= 0x1F1FF ? 1 : 0;
            keycap |= cp == KEYCAP;
            selector |= cp == VS16;
            if (Character.isEmoji(cp) && !Character.isEmojiComponent(cp)) {
                base = true;
                presentation |= Character.isEmojiPresentation(cp);
            }
        }
        if (regionalIndicators > 0) {
            return regionalIndicators == 2 && points.length == 2; // a flag
        }
        if (keycap) {
            return "0123456789#*".indexOf(points[0]) >= 0 && points[points.length - 1] == KEYCAP;
        }
        // a pictograph shown as an emoji: by default, or asked for with variation selector 16
        return base && (presentation || selector);
    }
}
