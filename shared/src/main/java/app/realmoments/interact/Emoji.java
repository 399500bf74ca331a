package app.realmoments.interact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * A reaction is exactly one fully-qualified emoji of the Unicode emoji list (emoji-test.txt): a family,
 * a flag, a skin-toned hand or a keycap count as one; a text-style heart without its variation selector,
 * a doubled selector, a trailing joiner, stray tag characters, an invalid flag pair, a lone skin tone
 * and plain letters or digits do not, so each emoji has exactly one spelling as a reaction key.
 *
 * <p>The list is {@code fully-qualified-emoji.txt}, written from the JEmoji library
 * (net.fellbaum:jemoji, which tracks Unicode's emoji releases) by {@code make emoji-table}, and checked
 * against it by a test. The library itself is not loaded at run time: building its catalogue costs a
 * cold start 250-550 ms (docs/cold-start.md), reading this list a few milliseconds.
 */
public final class Emoji {

    static final String TABLE = "fully-qualified-emoji.txt";

    private Emoji() {
    }

    public static boolean isSingleEmoji(String value) {
        return value != null && !value.isEmpty() && value.length() <= 32 && Table.EMOJI.contains(value);
    }

    /** Read on first use: a function that never checks a reaction never reads it. */
    private static final class Table {

        static final Set<String> EMOJI = read();

        private static Set<String> read() {
            Set<String> emoji = new HashSet<>(8192);
            try (InputStream in = Emoji.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException(TABLE + " is missing from the jar");
                }
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    StringBuilder sequence = new StringBuilder();
                    for (String point : line.trim().split(" ")) {
                        sequence.appendCodePoint(Integer.parseInt(point, 16));
                    }
                    emoji.add(sequence.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(emoji);
        }
    }
}
