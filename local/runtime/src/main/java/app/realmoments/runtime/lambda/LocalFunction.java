package app.realmoments.runtime.lambda;

import app.realmoments.bootstrap.ErrorJson;
import app.realmoments.emulator.RuntimeLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * One function of the template, run the way Lambda runs it: from its own jar, in containers created
 * lazily (each a cold start, logged, its init given 10 s) that serve one invocation at a time, up to
 * {@link #MAX_INSTANCES} of them, so concurrent requests run concurrently. Each invocation is given
 * the function's Timeout; a container that times out is replaced. Every invocation ends with Lambda's
 * REPORT line.
 *
 * <p>Where containers run is the {@link Isolation}: each in a JVM of its own with the function's jar
 * on its class path and an AOT cache per jar ({@link ProcessContainers}, what {@code make dev} and
 * {@code make invoke} use), or all in this JVM, each function in its own class loader
 * ({@link InProcessContainers}, faster to start: the tests' default). Either way the handler is
 * called by the bootstrap's LambdaHandler: Lambda's serializer, a Context per invocation.
 */
public final class LocalFunction implements AutoCloseable {

    public static final int MAX_INSTANCES = 4;
    private static final long INIT_TIMEOUT_MS = 10_000;
    /** Put in an invocation's container slot once {@link #invoke} is done with it: a late init then gives up. */
    private static final Container ABANDONED = new Container() {
        @Override
        public String invoke(String requestId, String eventJson, long deadlineEpochMs) {
            throw new CancellationException("abandoned");
        }

        @Override
        public boolean reusable() {
            return false;
        }

        @Override
        public String description() {
            return "";
        }

        @Override
        public void close() {
        }
    };

    private final FunctionSpec spec;
    private final String arn;
    private final Path jar;
    private final Map<String, String> environment;
    private final Containers containers;
    private final Semaphore slots = new Semaphore(MAX_INSTANCES, true);
    private final Deque<Container> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger instances = new AtomicInteger();
    private final ExecutorService threads;
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /** What a finished run hands back to the invoking thread. */
    private record Outcome(String response, long initMs) {
    }

    /** A function whose containers run in this JVM. */
    public LocalFunction(FunctionSpec spec, Path jar, Map<String, String> environment, String arn) {
        this(spec, jar, environment, arn, Isolation.inProcess());
    }

    public LocalFunction(FunctionSpec spec, Path jar, Map<String, String> environment, String arn,
                         Isolation isolation) {
        this.spec = spec;
        this.jar = jar;
        this.arn = arn;
        this.environment = Map.copyOf(environment);
        this.containers = isolation.process()
                ? new ProcessContainers(spec, jar, this.environment, arn, isolation)
                : new InProcessContainers(spec, jar, this.environment, arn);
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

    /** The function's ARN (unqualified). */
    public String arn() {
        return arn;
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
            return finish(new Invocation(spec.logicalId(), requestId, eventJson, ErrorJson.of(e), e, 0, -1));
        }
        AtomicReference<Container> container = new AtomicReference<>(takeIdle());
        boolean cold = container.get() == null;
        boolean healthy = true;
        try {
            if (closed) {
                throw new IllegalStateException("the function " + spec.logicalId() + " is stopped");
            }
            CountDownLatch initialized = new CountDownLatch(1);
            Future<Outcome> future = threads.submit(() -> run(container, eventJson, requestId, initialized));
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
                healthy = false;
                Exception timeout = new TimeoutException("init".equals(e.getMessage())
                        ? "Init timed out after " + INIT_TIMEOUT_MS / 1000 + ".00 seconds"
                        : "Task timed out after " + spec.timeoutSeconds() + ".00 seconds");
                invocation = new Invocation(spec.logicalId(), requestId, eventJson, ErrorJson.of(timeout), timeout,
                        millisSince(started), cold ? 0 : -1);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                healthy = !(cause instanceof Error) || cause instanceof AssertionError;
                invocation = new Invocation(spec.logicalId(), requestId, eventJson, errorJson(cause), cause,
                        millisSince(started), cold && container.get() != null ? 0 : -1);
            } catch (InterruptedException e) {
                future.cancel(true); // the caller gave up (the stack is stopping): so does the run
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            healthy = false;
            invocation = new Invocation(spec.logicalId(), requestId, eventJson, ErrorJson.of(e), e,
                    millisSince(started), -1);
        } catch (RuntimeException e) {
            invocation = new Invocation(spec.logicalId(), requestId, eventJson, ErrorJson.of(e), e,
                    millisSince(started), -1);
        } finally {
            // Claims the container; an init still running after a timeout then finds ABANDONED and gives up.
            Container used = container.getAndSet(ABANDONED);
            if (used != null && used != ABANDONED) {
                if (healthy && !closed && used.reusable()) {
                    idle.addFirst(used);
                } else {
                    instances.decrementAndGet();
                    if (healthy) {
                        used.retire();
                    } else {
                        used.close();
                    }
                }
            }
            slots.release();
        }
        return finish(invocation);
    }

    /** The most recently used idle container that can still serve (a container JVM may have ended meanwhile). */
    private Container takeIdle() {
        for (Container candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            if (candidate.reusable()) {
                return candidate;
            }
            instances.decrementAndGet();
            candidate.close();
        }
        return null;
    }

    /** Lambda's error JSON for what an invocation threw: a container JVM's own, else made from the Throwable. */
    private static String errorJson(Throwable error) {
        return error instanceof FunctionError remote ? remote.json() : ErrorJson.of(error);
    }

    private Invocation finish(Invocation invocation) {
        // As Lambda reports it: Duration is the handler's time, the cold start's init apart.
        double handlerMs = Math.max(0, invocation.durationMs() - Math.max(0, invocation.initMs()));
        StringBuilder report = new StringBuilder("REPORT RequestId: ").append(invocation.requestId())
                .append(" Duration: ").append(String.format(java.util.Locale.ROOT, "%.2f", handlerMs)).append(" ms")
                .append(" Memory Size: ").append(spec.memoryMb()).append(" MB");
        if (invocation.initMs() > 0) {
            report.append(" Init Duration: ").append(invocation.initMs()).append(" ms");
        }
        if (invocation.failed()) {
            Throwable error = invocation.error();
            report.append(" Status: error (").append(error instanceof FunctionError remote ? remote.simpleType()
                    : error.getClass().getSimpleName()).append(": ").append(error.getMessage()).append(')');
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

    /** The body of one invocation, on a function thread: a cold start first when it has no container. */
    private Outcome run(AtomicReference<Container> container, String eventJson, String requestId,
                        CountDownLatch initialized) throws Exception {
        Console.label(spec.logicalId());
        try {
            long initMs = -1;
            Container target;
            try {
                target = container.get();
                if (target == null) {
                    long start = System.nanoTime();
                    Container created = create();
                    if (!container.compareAndSet(null, created)) {
                        instances.decrementAndGet(); // invoke gave up on this init: free its slot
                        created.close();
                        throw new CancellationException("init finished after the invocation gave up");
                    }
                    target = created;
                    initMs = Math.max(1, (System.nanoTime() - start) / 1_000_000);
                    String about = created.description();
                    Console.line(spec.logicalId(), "cold start: instance " + instances.get() + " (of at most "
                            + MAX_INSTANCES + ") created in " + initMs + " ms" + (about.isEmpty() ? "" : ": " + about));
                }
                if (target == ABANDONED) {
                    throw new CancellationException("the invocation gave up before init finished");
                }
            } finally {
                initialized.countDown();
            }
            long deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
            return new Outcome(target.invoke(requestId, eventJson, deadline), initMs);
        } finally {
            Console.clearLabel();
        }
    }

    /** A new container, counted against {@link #MAX_INSTANCES}. */
    private Container create() throws Exception {
        if (instances.incrementAndGet() > MAX_INSTANCES) {
            instances.decrementAndGet();
            throw new IllegalStateException("more instances than slots");
        }
        try {
            if (closed) {
                throw new IllegalStateException("the function " + spec.logicalId() + " is stopped");
            }
            if (!Files.isRegularFile(jar)) {
                throw new FunctionInitException(spec.logicalId() + ": " + jar + " does not exist: run `make build`"
                        + " (CodeUri " + spec.codeUri() + ")");
            }
            return containers.start();
        } catch (Exception | Error e) {
            instances.decrementAndGet();
            throw e;
        }
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    @Override
    public void close() {
        closed = true;
        threads.shutdownNow();
        for (Container container = idle.pollFirst(); container != null; container = idle.pollFirst()) {
            container.close();
        }
        containers.close();
    }

    /** The function could not be loaded (missing jar, class or method): Lambda's Runtime.* init errors. */
    public static final class FunctionInitException extends RuntimeException {
        public FunctionInitException(String message) {
            super(message);
        }

        public FunctionInitException(String message, Throwable cause) {
            super(message, cause);
        }

        /** From what finding the handler threw (by class name: it may have happened in a container JVM). */
        static FunctionInitException of(FunctionSpec spec, Path jar, String errorType, String message) {
            return new FunctionInitException(spec.logicalId() + ": " + (errorType.equals(ClassNotFoundException.class.getName())
                    ? "class " + message + " not found in " + jar : message));
        }
    }
}
