package app.realmoments.campus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each campus's time zone, from the registry: the daily prompt's day and its members' quiet hours are in
 * it. A container keeps what it read for {@link #FRESH}, so a dispatcher's batch of a thousand recipients
 * of one campus reads its registry item once; a user without a campus, or a campus the registry does not
 * hold, gets the stage's default zone.
 */
public final class CampusTimeZones {

    /** How long a read zone is used before the registry is asked again (an admin's change shows within it). */
    public static final Duration FRESH = Duration.ofMinutes(5);

    private final CampusRegistry registry;
    private final ZoneId fallback;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(ZoneId zone, Instant readAt) {
    }

    public CampusTimeZones(CampusRegistry registry, ZoneId fallback, Clock clock) {
        this.registry = registry;
        this.fallback = fallback;
        this.clock = clock;
    }

    public ZoneId zoneOf(String campusId) {
        if (campusId == null) {
            return fallback;
        }
        Instant now = clock.instant();
        Known cached = known.get(campusId);
        if (cached != null && now.isBefore(cached.readAt().plus(FRESH))) {
            return cached.zone();
        }
        ZoneId zone = registry.find(campusId).map(Campus::timeZone).orElse(fallback);
        known.put(campusId, new Known(zone, now));
        return zone;
    }
}
