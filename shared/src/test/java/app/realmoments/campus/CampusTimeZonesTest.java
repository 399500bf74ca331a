package app.realmoments.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.SettableClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CampusTimeZonesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aRegistryCampusGetsItsZoneAndEveryoneElseTheFallback() {
        CampusTimeZones zones = new CampusTimeZones(
                InMemoryCampusRegistry.withZones("north-campus=Europe/Paris,tokyo-tech=Asia/Tokyo"),
                ZoneId.of("America/New_York"), Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(ZoneId.of("Europe/Paris"), zones.zoneOf("north-campus"));
        assertEquals(ZoneId.of("Asia/Tokyo"), zones.zoneOf("tokyo-tech"));
        assertEquals(ZoneId.of("America/New_York"), zones.zoneOf("elsewhere"), "not in the registry");
        assertEquals(ZoneId.of("America/New_York"), zones.zoneOf(null), "no campus");
    }

    @Test
    void aZoneIsReadOnceInAWhileAndAnAdminsChangeShowsAfterThat() {
        InMemoryCampusRegistry registry = InMemoryCampusRegistry.withZones("north=Europe/Paris");
        SettableClock clock = new SettableClock(NOW);
        CampusTimeZones zones = new CampusTimeZones(registry, ZoneId.of("UTC"), clock);
        for (int i = 0; i < 1000; i++) {
            zones.zoneOf("north");
        }
        assertEquals(1, registry.finds, "a thousand recipients of one campus: one read");
        registry.add("north", ZoneId.of("Asia/Tokyo"));
        assertEquals(ZoneId.of("Europe/Paris"), zones.zoneOf("north"), "still fresh");
        clock.set(NOW.plus(CampusTimeZones.FRESH));
        assertEquals(ZoneId.of("Asia/Tokyo"), zones.zoneOf("north"), "read again");
        assertEquals(2, registry.finds);
    }
}
