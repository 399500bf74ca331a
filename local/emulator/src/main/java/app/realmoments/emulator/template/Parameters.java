package app.realmoments.emulator.template;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values of a template's Parameters for a local run. */
public final class Parameters {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Parameters() {
    }

    /**
     * Each parameter's value: an override if given, else its Default, else (for a NoEcho secret such as
     * a signing key) a random 64-hex-digit value for this run. List types become lists.
     */
    public static Map<String, Object> values(Template template, Map<String, String> overrides) {
        Map<String, Object> values = new LinkedHashMap<>();
        template.section("Parameters").forEach((name, definition) -> {
            Map<String, Object> spec = Template.asMap(definition, "parameter " + name);
            String type = spec.get("Type") == null ? "String" : String.valueOf(spec.get("Type"));
            String value = overrides.get(name);
            if (value == null && spec.get("Default") != null) {
                value = Intrinsics.text(spec.get("Default"), "Default of " + name);
            }
            if (value == null && Boolean.parseBoolean(String.valueOf(spec.get("NoEcho")))) {
                value = HexFormat.of().formatHex(bytes(32));
            }
            if (value == null) {
                throw new TemplateException("parameter " + name + " has no Default: give it a value");
            }
            if (spec.get("AllowedValues") instanceof List<?> allowed && !allowed.isEmpty()
                    && allowed.stream().map(v -> Intrinsics.text(v, name)).noneMatch(value::equals)) {
                throw new TemplateException("parameter " + name + " = " + value + " is not one of " + allowed);
            }
            values.put(name, type.startsWith("List<") || type.equals("CommaDelimitedList")
                    ? List.of(value.split(",", -1)) : value);
        });
        return values;
    }

    private static byte[] bytes(int n) {
        byte[] out = new byte[n];
        RANDOM.nextBytes(out);
        return out;
    }
}
