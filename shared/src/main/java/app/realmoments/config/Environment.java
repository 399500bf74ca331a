package app.realmoments.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where a function reads its configuration: the process environment, as Lambda sets it.
 *
 * <p>The dev runtime runs every function in one JVM, each from its own class loader, so each has its
 * own copy of this class; it gives each function the variables the template declares for it through
 * {@link #install(Map)}. Handlers never know which of the two they got.
 */
public final class Environment {

    private static volatile Function<String, String> source = System::getenv;

    private Environment() {
    }

    /** Replaces the process environment for the code loaded with this class (the dev runtime's hook). */
    public static void install(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        source = copy::get;
    }

    /** The variable's value; fails at start-up, naming the variable, when it is missing or blank. */
    public static String require(String name) {
        String value = source.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return value;
    }

    public static String optional(String name, String fallback) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public static boolean optionalBoolean(String name, boolean fallback) {
        String value = optional(name, null);
        return value == null ? fallback : Objects.equals(value.trim().toLowerCase(java.util.Locale.ROOT), "true");
    }
}
