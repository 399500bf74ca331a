package app.realmoments.interact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The committed emoji table is the library's list, so a version bump of JEmoji cannot leave it stale. */
class EmojiTableTest {

    @Test
    void theTableIsTheLibrarysFullyQualifiedList() throws IOException {
        if (Boolean.getBoolean("emoji.table.write")) {
            EmojiTable.write(); // make emoji-table
        }
        assertEquals(EmojiTable.fromLibrary(), Files.readString(EmojiTable.FILE, StandardCharsets.US_ASCII),
                "fully-qualified-emoji.txt differs from net.fellbaum:jemoji's list: run `make emoji-table`");
    }
}
