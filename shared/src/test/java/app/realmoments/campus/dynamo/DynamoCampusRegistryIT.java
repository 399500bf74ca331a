package app.realmoments.campus.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.Attrs;
import app.realmoments.campus.Campus;
import app.realmoments.campus.CampusRegistry;
import app.realmoments.id.Ids;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoCampusRegistryIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final DynamoCampusRegistry registry = new DynamoCampusRegistry(aws.dynamo(), users);
    private final String run = new Ids().next(NOW).toLowerCase();

    @Test
    void aCampusIsCreatedThenReplacedAndReadBackWithItsDomainsInOrder() {
        Campus north = new Campus("north-" + run, "North", ZoneId.of("Europe/Paris"),
                List.of("north.example.edu", "alumni.north.example.edu"), NOW);
        assertTrue(registry.put(north));
        assertEquals(north, registry.find(north.campusId()).orElseThrow());
        Campus renamed = new Campus(north.campusId(), "North University", ZoneId.of("Asia/Tokyo"),
                List.of("north.example.edu"), NOW.plusSeconds(1));
        assertFalse(registry.put(renamed), "an update");
        assertEquals(renamed, registry.find(north.campusId()).orElseThrow());
        assertTrue(registry.find("nowhere-" + run).isEmpty());
    }

    @Test
    void pagesWalkEveryCampusOnceAndSkipWhatTheOldPutMeTyped() {
        // the old PUT /me registered any slug as {campusId} only: no campus
        aws.dynamo().putItem(r -> r.tableName(users).item(Map.of("pk", Attrs.s("CAMPUSES"),
                "sk", Attrs.s("CAMPUS#typed-" + run), "campusId", Attrs.s("typed-" + run))));
        assertTrue(registry.find("typed-" + run).isEmpty());
        for (int i = 0; i < 7; i++) {
            registry.put(new Campus("page-" + run + "-" + i, "Campus " + i, ZoneId.of("UTC"), List.of("c" + i + ".edu"), NOW));
        }
        List<String> seen = new ArrayList<>();
        String after = null;
        do {
            CampusRegistry.Slice slice = registry.page(3, after);
            assertTrue(slice.campuses().size() <= 3);
            slice.campuses().forEach(c -> seen.add(c.campusId()));
            after = slice.after();
        } while (after != null);
        List<String> ours = seen.stream().filter(id -> id.contains(run)).toList();
        assertEquals(7, ours.size(), seen.toString());
        assertEquals(ours.stream().distinct().toList(), ours, "each once");
        assertFalse(seen.contains("typed-" + run));
    }
}
