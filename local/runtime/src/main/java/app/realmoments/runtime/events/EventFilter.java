package app.realmoments.runtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event source mapping's {@code FilterCriteria}, as Lambda applies it before invoking: a record is
 * delivered when any one filter's pattern matches it. A pattern is JSON whose objects follow the record's
 * fields and whose arrays list what a field may be: a value, {@code {"prefix": "..."}},
 * {@code {"exists": true|false}} or {@code {"anything-but": [...]}} (the operators this template uses and
 * their nearest kin). Without filters every record matches.
 */
public final class EventFilter {

    private static final EventFilter EVERYTHING = new EventFilter(List.of());

    private final List<JsonNode> patterns;

    private EventFilter(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    /** The filter of a mapping's FilterCriteria property as the template holds it ({@code Filters: [{Pattern}]}). */
    static EventFilter of(Object filterCriteria) {
        if (!(filterCriteria instanceof Map<?, ?> criteria) || !(criteria.get("Filters") instanceof List<?> filters)) {
            return EVERYTHING;
        }
        List<JsonNode> patterns = new ArrayList<>();
        for (Object filter : filters) {
            if (filter instanceof Map<?, ?> f && f.get("Pattern") != null) {
                try {
                    patterns.add(EventJson.JSON.readTree(String.valueOf(f.get("Pattern"))));
                } catch (Exception e) {
                    throw new IllegalArgumentException("FilterCriteria pattern is not JSON: " + f.get("Pattern"), e);
                }
            }
        }
        return patterns.isEmpty() ? EVERYTHING : new EventFilter(List.copyOf(patterns));
    }

    public boolean matches(JsonNode record) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (JsonNode pattern : patterns) {
            if (matchesObject(pattern, record)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode value) {
        for (var field : pattern.properties()) {
            JsonNode actual = value == null ? null : value.get(field.getKey());
            JsonNode expected = field.getValue();
            boolean ok = expected.isObject() ? actual != null && actual.isObject() && matchesObject(expected, actual)
                    : expected.isArray() && matchesAny(expected, actual);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAny(JsonNode choices, JsonNode actual) {
        for (JsonNode choice : choices) {
            if (matchesOne(choice, actual)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesOne(JsonNode choice, JsonNode actual) {
        if (!choice.isObject()) {
            return actual != null && actual.isValueNode() && actual.equals(choice);
        }
        if (choice.has("exists")) {
            return choice.get("exists").asBoolean() == (actual != null && !actual.isNull());
        }
        if (actual == null || !actual.isValueNode()) {
            return false;
        }
        if (choice.has("prefix")) {
            return actual.isTextual() && actual.asText().startsWith(choice.get("prefix").asText());
        }
        if (choice.has("anything-but")) {
            JsonNode excluded = choice.get("anything-but");
            return excluded.isArray() ? !matchesAny(excluded, actual) : !excluded.equals(actual);
        }
        throw new IllegalArgumentException("FilterCriteria operator not emulated: " + choice);
    }
}
