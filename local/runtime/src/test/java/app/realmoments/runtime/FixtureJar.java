package app.realmoments.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds a function jar for tests from the compiled fixture classes (packages
 * {@code app.realmoments.runtime.fixture} and the stand-in {@code app.realmoments.config}): a jar that
 * has only those, like a function jar that forgot its libraries.
 */
final class FixtureJar {

    private static final List<String> PACKAGES = List.of("app/realmoments/runtime/fixture/", "app/realmoments/config/");

    private FixtureJar() {
    }

    static Path build(Path jar) throws IOException {
        return build(jar, List.of());
    }

    /** With the classes of the jars these classes come from (e.g. the event types and Joda-Time), as a shaded jar has. */
    static Path build(Path jar, List<Class<?>> libraries) throws IOException {
        Path classes;
        try {
            classes = Path.of(app.realmoments.runtime.fixture.Probe.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            java.util.Set<String> written = new java.util.HashSet<>();
            for (Class<?> library : libraries) {
                Path source;
                try {
                    source = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
                } catch (URISyntaxException e) {
                    throw new IOException(e);
                }
                try (java.util.jar.JarFile from = new java.util.jar.JarFile(source.toFile())) {
                    for (JarEntry entry : java.util.Collections.list(from.entries())) {
                        String name = entry.getName();
                        if (entry.isDirectory() || name.startsWith("META-INF/") || !written.add(name)) {
                            continue;
                        }
                        out.putNextEntry(new JarEntry(name));
                        try (var in = from.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
            }
            for (String folder : PACKAGES) {
                Path dir = classes.resolve(folder);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path path : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                        out.putNextEntry(new JarEntry(folder + path.getFileName()));
                        out.write(Files.readAllBytes(path));
                        out.closeEntry();
                    }
                }
            }
        }
        return jar;
    }
}
