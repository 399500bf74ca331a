package app.realmoments.benchmarks.coldstart.probe;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, in a fresh JVM: what the Lambda Java runtime does for the first event of a new
 * container. Init = load the handler class and construct it (the function's static and constructor
 * work: environment, SDK clients). First invoke = deserialize the event with the runtime's serializer,
 * call the handler (its first SDK calls go to the emulator), serialize the result.
 * A {@link RequestStreamHandler} gets the event's bytes and writes its answer, as in Lambda (no serializer).
 * With PROBE_PRIME=1 (the "snap" mode), init ends with the function's SnapStart priming
 * ({@code app.realmoments.snap.Priming.prime()}, what the CRaC hook runs before the snapshot), timed
 * apart as primeMs; invokeMs is then what a container restored from the snapshot pays for its first event.
 * Prints one line: {@code COLDSTART initMs=.. primeMs=.. invokeMs=.. rssKb=..}.
 * Usage: Probe <handler class> <event file>
 */
public final class Probe {

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getDeclaredConstructor().newInstance();
        long initialized = System.nanoTime();
        if ("1".equals(System.getenv("PROBE_PRIME"))) {
            Class.forName("app.realmoments.snap.Priming").getMethod("prime").invoke(null);
        }
        long primed = System.nanoTime();

        byte[] event = Files.readAllBytes(Path.of(args[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (handler instanceof RequestStreamHandler stream) {
            stream.handleRequest(new ByteArrayInputStream(event), out, new ProbeContext(type.getSimpleName()));
        } else {
            Method handle = handlerMethod(type);
            Class<?> input = handle.getParameterTypes()[0];
            Object request = serializer(input).fromJson(new ByteArrayInputStream(event));
            Object response = handle.invoke(handler, request, new ProbeContext(type.getSimpleName()));
            if (response != null) {
                @SuppressWarnings("unchecked")
                PojoSerializer<Object> writer = (PojoSerializer<Object>) serializer(response.getClass());
                writer.toJson(response, out);
            }
        }
        long invoked = System.nanoTime();

        System.out.println("COLDSTART initMs=" + (initialized - start) / 1e6 + " primeMs=" + (primed - initialized) / 1e6
                + " invokeMs=" + (invoked - primed) / 1e6 + " rssKb=" + peakRssKb() + " responseBytes=" + out.size());
        System.out.flush();
        System.exit(0); // an AOT training run writes its cache on this exit
    }

    private static Method handlerMethod(Class<?> type) {
        for (Method method : type.getMethods()) {
            if (method.getName().equals("handleRequest") && !method.isBridge() && method.getParameterCount() == 2
                    && method.getParameterTypes()[1] == Context.class) {
                return method;
            }
        }
        throw new IllegalArgumentException(type + " has no handleRequest(event, Context)");
    }

    /** The runtime's choice: its event serializers for the event types it knows, plain Jackson otherwise. */
    @SuppressWarnings("unchecked")
    private static PojoSerializer<?> serializer(Class<?> type) {
        if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) type, Probe.class.getClassLoader());
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
