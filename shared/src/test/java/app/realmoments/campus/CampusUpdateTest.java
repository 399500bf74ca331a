package app.realmoments.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampusUpdateTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static String field(String campusId, CampusUpdate update) {
        return assertThrows(Problem.class, () -> update.validated(campusId, NOW)).field();
    }

    @Test
    void aValidUpdateMakesTheCampusWithItsDomainsNormalisedOnceEach() {
        Campus campus = new CampusUpdate(" North University ", "America/New_York",
                List.of("North.Example.edu", "north.example.edu", "alumni.north.example.edu")).validated("north", NOW);
        assertEquals("North University", campus.name());
        assertEquals(ZoneId.of("America/New_York"), campus.timeZone());
        assertEquals(List.of("north.example.edu", "alumni.north.example.edu"), campus.emailDomains());
    }

    @Test
    void everyFieldIsChecked() {
        List<String> domains = List.of("north.example.edu");
        assertEquals("campusId", field("North!", new CampusUpdate("N", "UTC", domains)));
        assertEquals("campusId", field("x".repeat(65), new CampusUpdate("N", "UTC", domains)));
        assertEquals("name", field("north", new CampusUpdate(null, "UTC", domains)));
        assertEquals("name", field("north", new CampusUpdate("N\u202Eorth", "UTC", domains)));
        assertEquals("name", field("north", new CampusUpdate("x".repeat(101), "UTC", domains)));
        assertEquals("timeZone", field("north", new CampusUpdate("N", "Mars/Olympus", domains)));
        assertEquals("timeZone", field("north", new CampusUpdate("N", "+02:00", domains)));
        assertEquals("timeZone", field("north", new CampusUpdate("N", null, domains)));
        assertEquals("emailDomains", field("north", new CampusUpdate("N", "UTC", List.of())));
        assertEquals("emailDomains", field("north", new CampusUpdate("N", "UTC", null)));
        assertEquals("emailDomains", field("north", new CampusUpdate("N", "UTC", List.of("not a domain"))));
        assertEquals("emailDomains", field("north", new CampusUpdate("N", "UTC", Arrays.asList("a.edu", null))));
        String[] many = new String[21];
        for (int i = 0; i < many.length; i++) {
            many[i] = "d" + i + ".edu";
        }
        assertEquals("emailDomains", field("north", new CampusUpdate("N", "UTC", List.of(many))));
    }
}
