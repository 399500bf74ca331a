package app.realmoments.local.lambda;

import app.realmoments.local.RuntimeLog;
import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One function of the template, run the way the Lambda Java runtime runs it: from its own jar in its
 * own class loader (see {@link LambdaRuntimeClassLoader}), its environment installed before its
 * handler class is initialised, the event deserialized and the result serialized by Lambda's own
 * serializer, a Context per invocation, the thread context class loader set to the function's.
 *
 * <p>Up to {@link #MAX_INSTANCES} handler instances are created lazily (each a "container", logged
 * as a cold start) and each serves one invocation at a time, so concurrent requests run concurrently.
 */
public final class LocalFunction implements AutoCloseable {

    public static final int MAX_INSTANCES = 4;
    private static final long INIT_TIMEOUT_MS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Put in an invocation's instance slot once {@link #invoke} is done with it: a late init then gives up. */
    private static final Object ABANDONED = new Object();

    private final FunctionSpec spec;
    private final Path jar;
    private final Map<String, String> environment;
    private final String arn;
    private final Semaphore slots = new Semaphore(MAX_INSTANCES, true);
    private final Deque<Object> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instances = new AtomicInteger();
    private final ExecutorService threads;
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();
    private Loaded loaded;
    private volatile boolean closed;

    /** The handler's class in its loader, the method Lambda would call and its serializers. */
    private record Loaded(URLClassLoader loader, Class<?> type, Method method, Kind kind,
                          Serializer input, Serializer output) {
    }

    /**
     * The function's own copy of Lambda's serializer (a PojoSerializer of its class loader's
     * aws-lambda-java-serialization, see {@link LambdaRuntimeClassLoader}), called reflectively.
     */
    private record Serializer(Object target, Method fromJson, Method toJson) {
        Object read(byte[] json) throws Exception {
            return fromJson.invoke(target, new ByteArrayInputStream(json));
        }

        void write(Object value, OutputStream out) throws Exception {
            toJson.invoke(target, value, out);
        }
    }

    private enum Kind { POJO, STREAM }

    /** What a finished run hands back to the invoking thread. */
    private record Outcome(String response, long initMs) {
    }

    public LocalFunction(FunctionSpec spec, Path jar, Map<String, String> environment, String arn) {
        this.spec = spec;
        this.jar = jar;
        this.environment = Map.copyOf(environment);
        this.arn = arn;
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fn-" + spec.logicalId() + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public FunctionSpec spec() {
        return spec;
    }

    public Path jar() {
        return jar;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public boolean jarExists() {
        return Files.isRegularFile(jar);
    }

    /** Called after every invocation (on the invoking thread). */
    public void onInvocation(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    /** Runs the handler on the event (JSON text); waits for it, up to the function's Timeout. */
    public Invocation invoke(String eventJson) {
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Invocation invocation;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return finish(new Invocation(spec.logicalId(), requestId, eventJson, errorJson(e), e, 0, -1));
        }
        AtomicReference<Object> instance = new AtomicReference<>(idle.pollFirst());
        boolean cold = instance.get() == null;
        boolean keepInstance = true;
        try {
            if (closed) {
                throw new IllegalStateException("the function " + spec.logicalId() + " is stopped");
            }
            CountDownLatch initialized = new CountDownLatch(1);
            Future<Outcome> future = threads.submit(() -> run(instance, eventJson, requestId, initialized));
            try {
                // Lambda's two clocks: up to 10 s for init (a cold start), then the function's Timeout.
                if (!initialized.await(INIT_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                    throw new TimeoutException("init");
                }
                Outcome outcome = future.get(spec.timeoutSeconds() * 1000L + 200, TimeUnit.MILLISECONDS);
                invocation = new Invocation(spec.logicalId(), requestId, eventJson, outcome.response(), null,
                        millisSince(started), outcome.initMs());
            } catch (TimeoutException e) {
                future.cancel(true);
                keepInstance = false;
                Exception timeout = new TimeoutException("init".equals(e.getMessage())
                        ? "Init timed out after " + INIT_TIMEOUT_MS / 1000 + ".00 seconds"
                        : "Task timed out after " + spec.timeoutSeconds() + ".00 seconds");
                invocation = new Invocation(spec.logicalId(), requestId, eventJson, errorJson(timeout), timeout,
                        millisSince(started), cold ? 0 : -1);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof InvocationTargetException ite ? ite.getCause() : e.getCause();
                keepInstance = !(cause instanceof Error) || cause instanceof AssertionError;
                invocation = new Invocation(spec.logicalId(), requestId, eventJson, errorJson(cause), cause,
                        millisSince(started), cold && instance.get() != null ? 0 : -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            keepInstance = false;
            invocation = new Invocation(spec.logicalId(), requestId, eventJson, errorJson(e), e,
                    millisSince(started), -1);
        } catch (RuntimeException e) {
            invocation = new Invocation(spec.logicalId(), requestId, eventJson, errorJson(e), e,
                    millisSince(started), -1);
        } finally {
            // Claims the instance; an init still running after a timeout then finds ABANDONED and gives up.
            Object used = instance.getAndSet(ABANDONED);
            if (used != null && used != ABANDONED) {
                if (keepInstance && !closed) {
                    idle.addFirst(used);
                } else {
                    instances.decrementAndGet();
                }
            }
            slots.release();
        }
        return finish(invocation);
    }

    private Invocation finish(Invocation invocation) {
        StringBuilder report = new StringBuilder("REPORT RequestId: ").append(invocation.requestId())
                .append(" Duration: ").append(String.format("%.2f", invocation.durationMs())).append(" ms")
                .append(" Memory Size: ").append(spec.memoryMb()).append(" MB");
        if (invocation.initMs() > 0) {
            report.append(" Init Duration: ").append(invocation.initMs()).append(" ms");
        }
        if (invocation.failed()) {
            report.append(" Status: error (").append(invocation.error().getClass().getSimpleName()).append(": ")
                    .append(invocation.error().getMessage()).append(')');
        }
        Console.line(spec.logicalId(), report.toString());
        for (Consumer<Invocation> listener : listeners) {
            try {
                listener.accept(invocation);
            } catch (RuntimeException e) {
                RuntimeLog.error("invocation listener failed", e);
            }
        }
        return invocation;
    }

    /** The body of one invocation, on a function thread. */
    private Outcome run(AtomicReference<Object> instance, String eventJson, String requestId,
                        CountDownLatch initialized) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        Console.label(spec.logicalId());
        try {
            long initMs = -1;
            Loaded handler;
            Object target;
            try {
                long start = System.nanoTime();
                handler = loaded();
                thread.setContextClassLoader(handler.loader());
                target = instance.get();
                if (target == null) {
                    Object created = newInstance(handler);
                    if (!instance.compareAndSet(null, created)) {
                        instances.decrementAndGet(); // invoke gave up on this init: free its slot
                        throw new CancellationException("init finished after the invocation gave up");
                    }
                    target = created;
                    initMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
                    Console.line(spec.logicalId(), "cold start: instance " + instances.get() + " (of at most "
                            + MAX_INSTANCES + ") created in " + initMs + " ms");
                }
                if (target == ABANDONED) {
                    throw new CancellationException("the invocation gave up before init finished");
                }
            } finally {
                initialized.countDown();
            }
            long deadline = System.nanoTime() + spec.timeoutSeconds() * 1_000_000_000L;
            Context context = new LocalContext(spec, requestId, arn, deadline);
            byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Method method = handler.method();
            Object[] args = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            if (handler.kind() == Kind.STREAM) {
                args[0] = new ByteArrayInputStream(event);
                args[1] = out;
                if (args.length == 3) {
                    args[2] = context;
                }
                method.invoke(target, args);
                return new Outcome(out.toString(StandardCharsets.UTF_8), initMs);
            }
            for (int i = 0; i < args.length; i++) {
                args[i] = types[i] == Context.class ? context : handler.input().read(event);
            }
            Object result = method.invoke(target, args);
            if (method.getReturnType() == void.class || result == null) {
                return new Outcome("null", initMs);
            }
            handler.output().write(result, out);
            return new Outcome(out.toString(StandardCharsets.UTF_8), initMs);
        } finally {
            thread.setContextClassLoader(previous);
            Console.clearLabel();
        }
    }

    private Object newInstance(Loaded handler) throws Exception {
        if (instances.incrementAndGet() > MAX_INSTANCES) {
            instances.decrementAndGet();
            throw new IllegalStateException("more instances than slots");
        }
        try {
            Constructor<?> constructor = handler.type().getConstructor();
            return constructor.newInstance();
        } catch (InvocationTargetException | NoSuchMethodException | InstantiationException | IllegalAccessException
                 | LinkageError e) {
            instances.decrementAndGet();
            synchronized (this) {
                // A failed init is retried from scratch next time, in a fresh class loader, as Lambda would.
                if (instances.get() == 0 && loaded == handler) {
                    closeLoader();
                }
            }
            if (e instanceof NoSuchMethodException) {
                throw new IllegalStateException("handler class " + spec.handlerClass()
                        + " has no public no-argument constructor", e);
            }
            if (e instanceof InvocationTargetException ite && ite.getCause() instanceof Exception cause) {
                throw cause;
            }
            if (e instanceof InvocationTargetException ite && ite.getCause() instanceof Error error) {
                throw error;
            }
            if (e instanceof LinkageError linkage) {
                throw linkage;
            }
            throw (Exception) e;
        }
    }

    /** Loads the jar and the handler class on first use (the function's init phase). */
    private synchronized Loaded loaded() throws Exception {
        if (loaded != null) {
            return loaded;
        }
        if (closed) {
            throw new IllegalStateException("the function " + spec.logicalId() + " is stopped");
        }
        if (!Files.isRegularFile(jar)) {
            throw new FunctionInitException(spec.logicalId() + ": " + jar + " does not exist: run `make build`"
                    + " (CodeUri " + spec.codeUri() + ")");
        }
        LambdaRuntimeClassLoader runtime = new LambdaRuntimeClassLoader(LocalFunction.class.getClassLoader());
        URLClassLoader loader = new URLClassLoader("function:" + spec.logicalId(),
                new URL[] {jar.toUri().toURL()}, runtime);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            installEnvironment(loader);
            Class<?> type = Class.forName(spec.handlerClass(), true, loader);
            Method method = handlerMethod(type);
            Kind kind = method.getParameterCount() >= 2 && method.getParameterTypes()[0] == InputStream.class
                    && method.getParameterTypes()[1] == OutputStream.class ? Kind.STREAM : Kind.POJO;
            Serializer input = null;
            Serializer output = null;
            if (kind == Kind.POJO) {
                Type[] params = method.getGenericParameterTypes();
                for (int i = 0; i < params.length; i++) {
                    if (method.getParameterTypes()[i] != Context.class) {
                        input = serializer(resolve(params[i], type, 0), loader);
                    }
                }
                output = serializer(resolve(method.getGenericReturnType(), type, 1), loader);
            }
            loaded = new Loaded(loader, type, method, kind, input, output);
            return loaded;
        } catch (ClassNotFoundException e) {
            loader.close();
            runtime.close();
            throw new FunctionInitException(spec.logicalId() + ": class " + e.getMessage() + " not found in " + jar, e);
        } catch (Exception | LinkageError e) {
            loader.close();
            runtime.close();
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Gives the function its environment through its own copy of the shared Environment class, if it has one. */
    private void installEnvironment(ClassLoader loader) throws Exception {
        Class<?> environmentClass;
        try {
            environmentClass = Class.forName("app.realmoments.config.Environment", true, loader);
        } catch (ClassNotFoundException absent) {
            return;
        }
        Method install = environmentClass.getMethod("install", Map.class);
        try {
            install.invoke(null, environment);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The public, non-bridge method named by the Handler; with overloads, the one taking most parameters. */
    private Method handlerMethod(Class<?> type) {
        String name = spec.handlerMethod();
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic()
                        && !Modifier.isStatic(m.getModifiers()) && m.getParameterCount() <= 3)
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new FunctionInitException(spec.logicalId() + ": no public method " + name
                        + " in " + type.getName()));
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new FunctionInitException(spec.logicalId() + ": handler class " + type.getName() + " is abstract");
        }
        return method;
    }

    /**
     * The Lambda Java runtime's choice, made with the function's copy of its serializer: for a class it
     * lists as a supported event (S3Event, SQSEvent, DynamodbEvent, ScheduledEvent ...)
     * {@code LambdaEventSerializers.serializerFor(type, functionLoader)} (whose date modules load
     * Joda-Time from the function's jar); for anything else, the APIGatewayV2HTTP types included, its
     * plain shaded Jackson ({@code JacksonFactory.getInstance().getSerializer(type)}).
     */
    private static Serializer serializer(Type type, ClassLoader loader) throws Exception {
        String base = "com.amazonaws.services.lambda.runtime.serialization.";
        Class<?> events = Class.forName(base + "events.LambdaEventSerializers", true, loader);
        Class<?> pojo = Class.forName(base + "PojoSerializer", true, loader);
        Object target;
        if (type instanceof Class<?> raw
                && (boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, raw.getName())) {
            target = events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, raw, loader);
        } else {
            Class<?> jackson = Class.forName(base + "factories.JacksonFactory", true, loader);
            Object factory = jackson.getMethod("getInstance").invoke(null);
            target = jackson.getMethod("getSerializer", Type.class).invoke(factory, type);
        }
        return new Serializer(target, pojo.getMethod("fromJson", InputStream.class),
                pojo.getMethod("toJson", Object.class, OutputStream.class));
    }

    /** A type variable of the handler method (a generic base class) resolved through RequestHandler's arguments. */
    private static Type resolve(Type type, Class<?> handler, int requestHandlerArgument) {
        if (!(type instanceof TypeVariable<?>)) {
            return type;
        }
        for (Class<?> c = handler; c != null; c = c.getSuperclass()) {
            for (Type candidate : c.getGenericInterfaces()) {
                if (candidate instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw
                        && raw.getName().equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
                    Type argument = p.getActualTypeArguments()[requestHandlerArgument];
                    if (!(argument instanceof TypeVariable<?>)) {
                        return argument;
                    }
                }
            }
        }
        return Object.class;
    }

    /** Lambda's error answer: {"errorMessage", "errorType", "stackTrace"}. */
    public static String errorJson(Throwable error) {
        ObjectNode node = JSON.createObjectNode();
        node.put("errorMessage", String.valueOf(error.getMessage()));
        node.put("errorType", error.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement element : error.getStackTrace()) {
            trace.add(element.toString());
        }
        if (error.getCause() != null && error.getCause() != error) {
            node.put("cause", error.getCause().toString());
        }
        return node.toString();
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    private synchronized void closeLoader() {
        if (loaded != null) {
            try {
                loaded.loader().close();
                if (loaded.loader().getParent() instanceof URLClassLoader runtime) {
                    runtime.close();
                }
            } catch (IOException ignored) {
                // best effort
            }
            loaded = null;
        }
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        idle.clear();
        closeLoader();
    }

    /** The function could not be loaded (missing jar, class or method): Lambda's Runtime.* init errors. */
    public static final class FunctionInitException extends RuntimeException {
        public FunctionInitException(String message) {
            super(message);
        }

        public FunctionInitException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
