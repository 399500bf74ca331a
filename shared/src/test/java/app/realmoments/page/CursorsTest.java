package app.realmoments.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CursorsTest {

    private final Cursors cursors = new Cursors("0123456789abcdef0123456789abcdef");

    @Test
    void aCursorReadsBackInItsOwnList() {
        String cursor = cursors.encode("feed:USER#a", Map.of("after", "01JD8X3Q6Z7V9K2M4N5P6R7S8T"));
        assertEquals(Map.of("after", "01JD8X3Q6Z7V9K2M4N5P6R7S8T"), cursors.decode("feed:USER#a", cursor));
        assertNull(cursors.decode("feed:USER#a", null));
        assertNull(cursors.encode("feed:USER#a", null));
    }

    @Test
    void anEditedForeignOrGarbageCursorIsABadRequest() {
        String cursor = cursors.encode("feed:USER#a", Map.of("after", "01JD8X3Q6Z7V9K2M4N5P6R7S8T"));
        String payload = cursor.substring(0, cursor.indexOf('.'));
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"after\":\"01JD8X3Q6Z7V9K2M4N5P6R7S8Z\"}".getBytes(StandardCharsets.UTF_8));
        for (String bad : new String[] {forged + cursor.substring(cursor.indexOf('.')), payload, payload + ".",
                "%%%", "a.b.c", cursor + "x"}) {
            Problem problem = assertThrows(Problem.class, () -> cursors.decode("feed:USER#a", bad), bad);
            assertEquals(400, problem.kind().status);
            assertEquals("cursor", problem.field());
        }
        assertThrows(Problem.class, () -> cursors.decode("feed:USER#b", cursor), "another user's cursor");
        assertThrows(Problem.class, () -> new Cursors("0123456789abcdef0123456789abcdeX").decode("feed:USER#a", cursor),
                "a cursor signed with another key");
    }
}
