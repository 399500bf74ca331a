package app.realmoments.testing;

import app.realmoments.campus.Campus;
import app.realmoments.campus.CampusRegistry;
import app.realmoments.campus.CampusTimeZones;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The campus registry in memory, in id order as the table keeps it; counts its reads. */
public final class InMemoryCampusRegistry implements CampusRegistry {

    private final Map<String, Campus> campuses = new TreeMap<>();
    public int finds;

    /** "id=Zone/Id,id=Zone/Id": each campus with that zone, its name its id, its domain {id}.example.edu. */
    public static InMemoryCampusRegistry withZones(String spec) {
        InMemoryCampusRegistry registry = new InMemoryCampusRegistry();
        for (String entry : spec.split(",")) {
            if (!entry.isBlank()) {
                String[] parts = entry.strip().split("=", 2);
                registry.add(parts[0].strip(), ZoneId.of(parts[1].strip()));
            }
        }
        return registry;
    }

    /** Zones of a registry given as {@link #withZones}, the fallback for everyone else. */
    public static CampusTimeZones zones(String spec, String fallback) {
        return new CampusTimeZones(withZones(spec), ZoneId.of(fallback), Clock.systemUTC());
    }

    public synchronized InMemoryCampusRegistry add(String campusId, ZoneId zone) {
        campuses.put(campusId, new Campus(campusId, campusId, zone, List.of(campusId + ".example.edu"),
                Instant.parse("2026-11-01T00:00:00Z")));
        return this;
    }

    @Override
    public synchronized Optional<Campus> find(String campusId) {
        finds++;
        return Optional.ofNullable(campuses.get(campusId));
    }

    @Override
    public synchronized Slice page(int limit, String after) {
        List<Campus> page = new ArrayList<>();
        for (Campus campus : campuses.values()) {
            if (after == null || campus.campusId().compareTo(after) > 0) {
                page.add(campus);
                if (page.size() == limit) {
                    break;
                }
            }
        }
        boolean more = !page.isEmpty() && campuses.values().stream()
                .anyMatch(c -> c.campusId().compareTo(page.getLast().campusId()) > 0);
        return new Slice(page, more ? page.getLast().campusId() : null);
    }

    @Override
    public synchronized boolean put(Campus campus) {
        return campuses.put(campus.campusId(), campus) == null;
    }
}
