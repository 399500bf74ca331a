package app.realmoments.interact;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmojiTest {

    @ParameterizedTest
    @ValueSource(strings = {"🔥", "😂", "❤️", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇫🇷", "1️⃣", "#️⃣", "🧑🏿‍🚀", "☕"})
    void oneEmojiIsAReaction(String emoji) {
        assertTrue(Emoji.isSingleEmoji(emoji), emoji);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "1", "#", "ok", "🔥🔥", "👍 ", " 👍", "😂a", "🇫🇷🇩🇪", "\u200D", "\uFE0F",
            "🇫", "🏽", "é", "<3", "\uD83D", "👍\u0301",
            // spellings of one emoji that would make distinct reaction keys
            "❤", "👍\uFE0F", "🔥\uFE0F\uFE0F", "👍\u200D", "\u200D👍", "👍\uDB40\uDC41", "🇽🇽", "🇺🇸🇸",
            "☕\uFE0E"})
    void anythingElseIsRefused(String value) {
        assertFalse(Emoji.isSingleEmoji(value), value);
    }

    @org.junit.jupiter.api.Test
    void nullIsRefused() {
        assertFalse(Emoji.isSingleEmoji(null));
    }
}
