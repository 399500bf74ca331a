package app.realmoments.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CampusTimeZonesTest {

    @Test
    void listedCampusesGetTheirZoneAndOthersTheFallback() {
        CampusTimeZones zones = CampusTimeZones.parse("north-campus=Europe/Paris, tokyo-tech=Asia/Tokyo,", "America/New_York");
        assertEquals(ZoneId.of("Europe/Paris"), zones.zoneOf("north-campus"));
        assertEquals(ZoneId.of("Asia/Tokyo"), zones.zoneOf("tokyo-tech"));
        assertEquals(ZoneId.of("America/New_York"), zones.zoneOf("elsewhere"));
        assertEquals(ZoneId.of("America/New_York"), zones.zoneOf(null));
        assertEquals(ZoneId.of("UTC"), CampusTimeZones.parse("", "UTC").zoneOf("x"));
    }

    @Test
    void aBadSpecFailsAtStartUp() {
        assertThrows(IllegalStateException.class, () -> CampusTimeZones.parse("north=Mars/Olympus", "UTC"));
        assertThrows(IllegalStateException.class, () -> CampusTimeZones.parse("north", "UTC"));
        assertThrows(IllegalStateException.class, () -> CampusTimeZones.parse("", "Nowhere/City"));
    }
}
