package app.realmoments.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdsTest {

    private final Ids ids = new Ids();

    @Test
    void idsAreWellFormedAndSortByCreationTime() {
        Instant t = Instant.parse("2026-11-29T12:00:00Z");
        String first = ids.next(t);
        String second = ids.next(t.plusMillis(1));
        assertTrue(Ids.isWellFormed(first), first);
        assertEquals(26, first.length());
        assertTrue(first.compareTo(second) < 0, first + " should sort before " + second);
        assertTrue(Ids.floorOf(t).compareTo(first) <= 0);
        assertTrue(Ids.floorOf(t.plusMillis(1)).compareTo(first) > 0);
    }

    @Test
    void rejectsWhatIsNotAnId() {
        for (String bad : new String[] {null, "", "abc", "01JD8X3Q6Z7V9K2M4N5P6R7S8U", "01jd8x3q6z7v9k2m4n5p6r7s8t",
                "01JD8X3Q6Z7V9K2M4N5P6R7S8T/../x", "01JD8X3Q6Z7V9K2M4N5P6R7S8TT"}) {
            assertFalse(Ids.isWellFormed(bad), String.valueOf(bad));
        }
        assertTrue(Ids.isWellFormed("01JD8X3Q6Z7V9K2M4N5P6R7S8T"));
    }
}
