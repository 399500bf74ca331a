package app.realmoments.runtime.lambda;

import app.realmoments.bootstrap.Bootstrap;
import app.realmoments.emulator.RuntimeLog;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container that is a JVM of its own, running the bootstrap (local/bootstrap), and the Lambda
 * Runtime API it talks to, served for it alone on 127.0.0.1 (an ephemeral port, passed as
 * {@code AWS_LAMBDA_RUNTIME_API}). Ready when the bootstrap first asks for an invocation; an
 * invocation is handed over as the answer to its {@code GET .../invocation/next} and ends with its
 * {@code POST .../response} or {@code .../error}, or with the process's end.
 *
 * <p>Its output, line by line, goes to the console labelled with the function's logical id.
 */
final class ProcessContainer implements Container {

    private static final String API = "/2018-06-01/runtime/";
    /** How long a one-shot container (an AOT training JVM) may take to exit and write its cache once told to. */
    private static final long EXIT_BY_ITSELF_SECONDS = 120;
    /** Handed to a waiting {@code /next} to make the bootstrap exit on its own. */
    private static final Assignment EXIT = new Assignment(null, null, 0, null);
    /** Every container JVM of this runtime: ended by a shutdown hook if the runtime exits without closing them. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ProcessContainer::destroyTree),
                    "containers-stop"));
        } catch (IllegalStateException shuttingDown) {
            // nothing can start any more either
        }
    }

    private final FunctionSpec spec;
    private final Path jar;
    private final String arn;
    private final boolean oneShot;
    private final String description;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final BlockingQueue<Assignment> assignments = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Assignment current;
    private volatile FunctionError exited;
    private volatile boolean retiring;
    private volatile Process process;
    /** Completes once the exit has been handled (a training JVM's cache moved into place, or not). */
    private volatile CompletableFuture<Void> exitHandled = CompletableFuture.completedFuture(null);

    /** An invocation handed to the bootstrap, and where its outcome goes. */
    private record Assignment(String requestId, byte[] event, long deadlineEpochMs, CompletableFuture<String> result) {
    }

    /**
     * @param oneShot     serves one invocation, then is told to exit by itself (an AOT training run)
     * @param description what the cold-start line says about it
     */
    ProcessContainer(FunctionSpec spec, Path jar, String arn, boolean oneShot, String description) throws IOException {
        this.spec = spec;
        this.jar = jar;
        this.arn = arn;
        this.oneShot = oneShot;
        this.description = description;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext(API, this::serve);
        server.start();
    }

    /** What the container's AWS_LAMBDA_RUNTIME_API is. */
    String runtimeApi() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Starts the JVM; {@code onExit} gets its exit status when it ends, whatever the reason. */
    Process launch(List<String> command, Map<String, String> environment, Consumer<Integer> onExit) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(jar.toAbsolutePath().getParent().toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        process = builder.start();
        RUNNING.add(process);
        pump(process.getInputStream(), line -> Console.line(spec.logicalId(), line), "out");
        pump(process.getErrorStream(), line -> Console.errorLine(spec.logicalId(), line), "err");
        exitHandled = process.onExit().thenAccept(ended -> {
            RUNNING.remove(ended);
            FunctionError error = FunctionError.exited(ended.exitValue());
            exited = error;
            ready.completeExceptionally(error);
            Assignment assignment = current;
            if (assignment != null) {
                assignment.result().completeExceptionally(error);
            }
            stopServing();
            onExit.accept(ended.exitValue());
        });
        return process;
    }

    /** Waits until the bootstrap asks for its first invocation (init done), or says its init failed, or ends. */
    void awaitReady() throws Exception {
        try {
            ready.get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    @Override
    public String invoke(String requestId, String eventJson, long deadlineEpochMs) throws Exception {
        Assignment assignment = new Assignment(requestId, eventJson.getBytes(StandardCharsets.UTF_8), deadlineEpochMs,
                new CompletableFuture<>());
        current = assignment;
        if (exited != null) {
            throw exited;
        }
        assignments.put(assignment);
        try {
            return assignment.result().get();
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static Exception rethrowable(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }

    @Override
    public boolean reusable() {
        return !oneShot && exited == null && process.isAlive();
    }

    @Override
    public String description() {
        return "JVM pid " + process.pid() + (description.isEmpty() ? "" : " " + description);
    }

    /** A one-shot container is told to exit by itself (its JVM then writes what it recorded); others end now. */
    @Override
    public void retire() {
        if (!oneShot || exited != null) {
            close();
            return;
        }
        retiring = true;
        assignments.add(EXIT);
        process.onExit().orTimeout(EXIT_BY_ITSELF_SECONDS, TimeUnit.SECONDS).exceptionally(timeout -> {
            RuntimeLog.warn(spec.logicalId() + ": container JVM " + process.pid() + " did not exit by itself within "
                    + EXIT_BY_ITSELF_SECONDS + " s; stopping it");
            close();
            return null;
        });
    }

    /** Whether it was told to exit by itself and has not yet. */
    boolean exitingByItself() {
        return retiring && process.isAlive();
    }

    /**
     * Waits until the process has ended and its exit was handled, so that a training JVM's cache is in
     * place before the runtime goes on to exit (one told to exit by itself is stopped if it takes too long).
     */
    void awaitExit() {
        try {
            exitHandled.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
        } catch (ExecutionException e) {
            close();
        }
    }

    @Override
    public void close() {
        if (process != null) {
            destroyTree(process);
        }
        stopServing();
    }

    private void stopServing() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Ends the process and every process it started (an AOT training JVM starts one to write its cache). */
    private static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    // ------------------------------------------------------------------ the Runtime API

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(API.length());
            boolean post = exchange.getRequestMethod().equals("POST");
            if (!post && path.equals("invocation/next")) {
                next(exchange);
            } else if (post && path.equals("init/error")) {
                String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
                ready.completeExceptionally(initError(type, body(exchange)));
                exchange.sendResponseHeaders(202, -1);
            } else if (post && path.startsWith("invocation/") && (path.endsWith("/response") || path.endsWith("/error"))) {
                String requestId = path.substring("invocation/".length(), path.lastIndexOf('/'));
                Assignment assignment = current;
                if (assignment == null || !assignment.requestId().equals(requestId)) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                String body = body(exchange);
                if (path.endsWith("/response")) {
                    assignment.result().complete(body);
                } else {
                    assignment.result().completeExceptionally(FunctionError.fromJson(body));
                }
                exchange.sendResponseHeaders(202, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the container is closing: the bootstrap's poll just ends
        }
    }

    /** The long poll: init is over once the bootstrap asks; it waits here for its next invocation. */
    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        ready.complete(null);
        Assignment assignment = assignments.take();
        if (assignment == EXIT) {
            exchange.sendResponseHeaders(Bootstrap.EXIT_STATUS, -1);
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", assignment.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(assignment.deadlineEpochMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", arn);
        exchange.sendResponseHeaders(200, assignment.event().length == 0 ? -1 : assignment.event().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(assignment.event());
        }
    }

    /** What an init/error report means: a handler that cannot be found or made, or what its init threw. */
    private RuntimeException initError(String type, String body) {
        FunctionError error = FunctionError.fromJson(body);
        return Bootstrap.NO_SUCH_HANDLER.equals(type)
                ? LocalFunction.FunctionInitException.of(spec, jar, error.errorType(), error.getMessage())
                : error;
    }

    private static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies the process's output to the console, a line at a time, until it ends. */
    private void pump(InputStream stream, Consumer<String> sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    sink.accept(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "container-" + spec.logicalId() + "-" + process.pid() + "-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
