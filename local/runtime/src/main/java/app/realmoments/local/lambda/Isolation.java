package app.realmoments.local.lambda;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a function's containers run.
 *
 * @param process    each container a JVM of its own (see {@link ProcessContainers}); false: all in the
 *                   runtime's JVM, each function in its own class loader ({@link InProcessContainers})
 * @param directory  (process) where the container bootstrap jar is kept
 * @param jvmOptions (process) more JVM options for every container, after Lambda's
 */
public record Isolation(boolean process, Path directory, List<String> jvmOptions) {

    public Isolation {
        if (process && directory == null) {
            throw new IllegalArgumentException("containers in processes need a directory for their files");
        }
        directory = directory == null ? null : directory.toAbsolutePath().normalize();
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Every function in the runtime's JVM: what the tests use, for speed. */
    public static Isolation inProcess() {
        return new Isolation(false, null, List.of());
    }

    /** A JVM per container, its files kept in the directory (e.g. {@code .local/aot}). */
    public static Isolation process(Path directory) {
        return new Isolation(true, directory, List.of());
    }

    public Isolation withJvmOptions(List<String> options) {
        return new Isolation(process, directory, options);
    }
}
