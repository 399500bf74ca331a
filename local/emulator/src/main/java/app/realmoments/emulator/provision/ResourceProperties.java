package app.realmoments.emulator.provision;

import app.realmoments.emulator.template.TemplateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** Reading a resource's resolved Properties: a required or defaulted value, a nested map, a list. */
final class ResourceProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceProperties() {
    }

    /** A value as the JSON text an attribute takes (a RedrivePolicy): a string as it is, else rendered. */
    static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new TemplateException("cannot render " + value + " as JSON", e);
        }
    }

    static String str(Map<String, Object> p, String key, String fallback) {
        Object value = p.get(key);
        if (value == null) {
            if (fallback == null && !p.containsKey(key)) {
                throw new TemplateException(key + " is required");
            }
            return fallback;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateException(key + " must be a single value");
        }
        return String.valueOf(value);
    }

    static boolean bool(Map<String, Object> p, String key) {
        return Boolean.parseBoolean(String.valueOf(p.get(key)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> p, String key) {
        Object value = p.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(item -> (Map<String, Object>) item).toList();
    }

    static List<String> strings(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
