package app.realmoments.runtime.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FilterCriteria as the template's stream mappings write them, applied to records in Lambda's shape. */
class EventFilterTest {

    private static final String SOCIAL = "{\"dynamodb\": {\"Keys\": {\"sk\": {\"S\": [{\"prefix\": \"REQ_IN#\"}, {\"prefix\": \"FRIEND#\"}]}}}}";
    private static final String INTERACTIONS = "{\"eventName\": [\"INSERT\", \"MODIFY\"], \"dynamodb\": {\"Keys\": {\"sk\":"
            + " {\"S\": [{\"prefix\": \"REACTION#\"}, {\"prefix\": \"COMMENT#\"}]}}}}";

    private static EventFilter filter(String... patterns) {
        return EventFilter.of(Map.of("Filters", List.of(patterns).stream().map(p -> Map.of("Pattern", p)).toList()));
    }

    private static JsonNode record(String eventName, String pk, String sk) throws Exception {
        return EventJson.JSON.readTree("{\"eventName\":\"" + eventName + "\",\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":\""
                + pk + "\"},\"sk\":{\"S\":\"" + sk + "\"}}}}");
    }

    @Test
    void onlyTheSortKeysOfThePatternReachTheFunction() throws Exception {
        EventFilter social = filter(SOCIAL);
        assertTrue(social.matches(record("INSERT", "USER#a", "REQ_IN#b")));
        assertTrue(social.matches(record("REMOVE", "USER#a", "FRIEND#b")));
        assertFalse(social.matches(record("INSERT", "USER#a", "PROFILE")));
        assertFalse(social.matches(record("INSERT", "CAMPUSES", "CAMPUS#north")));
        assertFalse(social.matches(record("INSERT", "USER#a", "REQ_OUT#b")));
    }

    @Test
    void everyFieldOfThePatternMustMatch() throws Exception {
        EventFilter interactions = filter(INTERACTIONS);
        assertTrue(interactions.matches(record("INSERT", "MOMENT#m", "REACTION#u")));
        assertFalse(interactions.matches(record("REMOVE", "MOMENT#m", "REACTION#u")));
        assertFalse(interactions.matches(record("MODIFY", "MOMENT#m", "META")));
    }

    @Test
    void anyFilterMayMatchAndNoFiltersMatchEverything() throws Exception {
        EventFilter both = filter(SOCIAL, "{\"eventName\": [{\"anything-but\": [\"REMOVE\"]}], \"dynamodb\": {\"NewImage\": {\"campusId\": [{\"exists\": true}]}}}");
        assertTrue(both.matches(record("INSERT", "USER#a", "FRIEND#b")));
        assertFalse(both.matches(record("INSERT", "USER#a", "PROFILE")));
        assertTrue(EventFilter.of(null).matches(record("REMOVE", "x", "y")));
    }

    @Test
    void anOperatorItDoesNotKnowIsRefusedRatherThanIgnored() throws Exception {
        EventFilter numeric = filter("{\"dynamodb\": {\"SizeBytes\": [{\"numeric\": [\">\", 0]}]}}");
        JsonNode sized = EventJson.JSON.readTree("{\"dynamodb\":{\"SizeBytes\":10}}");
        assertThrows(IllegalArgumentException.class, () -> numeric.matches(sized));
    }
}
