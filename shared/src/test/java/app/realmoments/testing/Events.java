package app.realmoments.testing;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real event files of {@code events/}, read the way the Lambda Java runtime reads an event: with
 * its own serializer, not with hand-built objects.
 */
public final class Events {

    private Events() {
    }

    public static <T> T load(String file, Class<T> type) {
        return fromJson(read(file), type);
    }

    public static String read(String file) {
        try {
            return Files.readString(root().resolve("events").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, Events.class.getClassLoader());
        try (InputStream in = new java.io.ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            return serializer.fromJson(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The response as the runtime would send it back (what API Gateway or the event source reads). */
    @SuppressWarnings("unchecked")
    public static <T> String toJson(T value) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor((Class<T>) value.getClass(),
                Events.class.getClassLoader());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The repository root: -Dproject.root (set by the build) or the nearest folder up with template.yaml. */
    public static Path root() {
        String configured = System.getProperty("project.root");
        if (configured != null && Files.exists(Path.of(configured, "template.yaml"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no template.yaml in this folder or above");
    }
}
