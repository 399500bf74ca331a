package app.realmoments.campus;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Each campus's time zone, from the stage's configuration: "slug=Zone/Id,slug=Zone/Id" plus a zone
 * for every campus not listed. The daily prompt's waking hours and quiet hours are in this zone.
 */
public final class CampusTimeZones {

    private final Map<String, ZoneId> zones;
    private final ZoneId fallback;

    private CampusTimeZones(Map<String, ZoneId> zones, ZoneId fallback) {
        this.zones = Map.copyOf(zones);
        this.fallback = fallback;
    }

    /** Fails at start-up, naming the entry, on a malformed spec or an unknown zone id. */
    public static CampusTimeZones parse(String spec, String fallbackZone) {
        Map<String, ZoneId> zones = new HashMap<>();
        if (spec != null) {
            for (String entry : spec.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                String[] parts = entry.trim().split("=", 2);
                if (parts.length != 2 || parts[0].isBlank()) {
                    throw new IllegalStateException("campus time zone entry is not slug=Zone/Id: " + entry);
                }
                zones.put(parts[0].trim(), zone(parts[1].trim()));
            }
        }
        return new CampusTimeZones(zones, zone(fallbackZone));
    }

    public ZoneId zoneOf(String campusId) {
        return campusId == null ? fallback : zones.getOrDefault(campusId, fallback);
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException | NullPointerException e) {
            throw new IllegalStateException("unknown time zone: " + id);
        }
    }
}
