package app.realmoments.log;

import app.realmoments.testing.JsonTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void oneLineCarriesEveryMetricWithItsUnitAndTheFunctionDimension() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
        String line = Metrics.of("real-moments-dev-feed-fanout", clock)
                .count("FanoutRecipients", 250).count("FanoutRecipients", 1).milliseconds("FanoutDuration", 42).line();
        JsonNode json = JsonTrees.tree(line);
        JsonNode definition = json.get("_aws").get("CloudWatchMetrics").get(0);

        assertEquals(clock.millis(), json.get("_aws").get("Timestamp").asLong());
        assertEquals("RealMoments", definition.get("Namespace").asText());
        assertEquals("function", definition.get("Dimensions").get(0).get(0).asText());
        assertEquals("FanoutRecipients", definition.get("Metrics").get(0).get("Name").asText());
        assertEquals("Count", definition.get("Metrics").get(0).get("Unit").asText());
        assertEquals("Milliseconds", definition.get("Metrics").get(1).get("Unit").asText());
        assertEquals("real-moments-dev-feed-fanout", json.get("function").asText());
        assertEquals(251, json.get("FanoutRecipients").asLong());
        assertEquals(42, json.get("FanoutDuration").asLong());
        assertNull(Metrics.of("f").line(), "nothing recorded, nothing written");
    }
}
