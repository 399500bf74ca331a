package app.realmoments.runtime.lambda;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a function's containers run.
 *
 * @param process         each container a JVM of its own (see {@link ProcessContainers}); false: all in the
 *                        runtime's JVM, each function in its own class loader ({@link InProcessContainers})
 * @param directory       (process) where the container bootstrap jar and the AOT caches are kept
 * @param aotCache        (process) train an AOT cache per function jar and start containers with it
 * @param requireAotCache (process, tests) containers started with a cache run with {@code -XX:AOTMode=on}:
 *                        a cache the JVM cannot use stops the container instead of slowing it
 * @param jvmOptions      (process) more JVM options for every container, after Lambda's. They are not
 *                        part of the AOT cache's key: only options that do not change what a cache is
 *                        valid for (diagnostics such as {@code -Xlog:...})
 */
public record Isolation(boolean process, Path directory, boolean aotCache, boolean requireAotCache,
                        List<String> jvmOptions) {

    public Isolation {
        if (process && directory == null) {
            throw new IllegalArgumentException("containers in processes need a directory for their files");
        }
        directory = directory == null ? null : directory.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Every function in the runtime's JVM: what the tests use, for speed. */
    public static Isolation inProcess() {
        return new Isolation(false, null, false, false, List.of());
    }

    /** A JVM per container, with AOT caches kept in the directory (e.g. {@code .local/aot}). */
    public static Isolation process(Path directory) {
        return new Isolation(true, directory, true, false, List.of());
    }

    public Isolation withoutAotCache() {
        return new Isolation(process, directory, false, false, jvmOptions);
    }

    public Isolation requiringAotCache() {
        return new Isolation(process, directory, aotCache, true, jvmOptions);
    }

    public Isolation withJvmOptions(List<String> options) {
        return new Isolation(process, directory, aotCache, requireAotCache, options);
    }
}
