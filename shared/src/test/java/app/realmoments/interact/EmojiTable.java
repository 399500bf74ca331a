package app.realmoments.interact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.Qualification;

/**
 * {@code fully-qualified-emoji.txt} as the JEmoji library gives it: every fully-qualified emoji, one a
 * line as its code points in hex. {@code make emoji-table} writes it after the library's version changes.
 */
public final class EmojiTable {

    static final Path FILE = Path.of("src/main/resources/app/realmoments/interact", Emoji.TABLE);

    private EmojiTable() {
    }

    /** The table's text as the library gives it today. */
    static String fromLibrary() {
        List<String> lines = EmojiManager.getAllEmojis().stream()
                .filter(e -> e.getQualification() == Qualification.FULLY_QUALIFIED)
                .map(e -> e.getEmoji().codePoints().mapToObj(cp -> String.format("%04X", cp))
                        .collect(Collectors.joining(" ")))
                .sorted().distinct().toList();
        return "# Fully-qualified emoji of the Unicode emoji list, from net.fellbaum:jemoji; written by `make emoji-table`.\n"
                + String.join("\n", lines) + "\n";
    }

    static void write() throws IOException {
        Files.writeString(FILE, fromLibrary(), StandardCharsets.US_ASCII);
    }
}
