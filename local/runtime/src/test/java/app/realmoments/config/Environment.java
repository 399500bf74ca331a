package app.realmoments.config;

import java.util.Map;

/**
 * Test fixture, packed into the fixture function jars only: a stand-in for shared's Environment with
 * the same {@code install(Map)} hook, so the tests see what the runtime installs; like shared's, it
 * reads the process environment when nothing was installed (a function in a container JVM of its
 * own). The runtime itself never has this class on its class path; it finds it in a function's jar,
 * as it finds shared's.
 */
public final class Environment {

    private static volatile Map<String, String> installed;

    private Environment() {
    }

    public static void install(Map<String, String> variables) {
        installed = Map.copyOf(variables);
    }

    public static String get(String name) {
        return installed == null ? System.getenv(name) : installed.get(name);
    }
}
