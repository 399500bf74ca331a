package app.realmoments.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local AWS: a moto server on 127.0.0.1, started from the project's venv and stopped with this
 * object (and with the JVM, should the caller forget).
 */
public final class Emulator implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** The launcher script copied out of the jar, shared by every emulator this JVM starts. */
    private static Path launcher;

    private final Process process;
    private final int port;
    private final Thread shutdownHook;

    private Emulator(Process process, int port) {
        this.process = process;
        this.port = port;
        this.shutdownHook = new Thread(process::destroy, "emulator-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts moto on a free loopback port. */
    public static Emulator start() {
        return start(freePort(), null);
    }

    /**
     * Starts moto on the given loopback port, logging to {@code logFile} (or discarding its output
     * when null), and waits until it answers.
     */
    public static Emulator start(int port, Path logFile) {
        Path python = python();
        ProcessBuilder builder = new ProcessBuilder(
                List.of(python.toString(), launcher().toString(), "127.0.0.1", Integer.toString(port)));
        builder.redirectErrorStream(true);
        if (logFile == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            try {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        }
        // moto must not reach out for anything: no real AWS credentials or endpoints leak in.
        builder.environment().put("AWS_ACCESS_KEY_ID", "local");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local");
        builder.environment().remove("AWS_ENDPOINT_URL");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the emulator with " + python
                    + ": run `make venv` to create the project venv", e);
        }
        Emulator emulator = new Emulator(process, port);
        emulator.awaitReady();
        return emulator;
    }

    /** The value for {@code AWS_ENDPOINT_URL}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Forgets every resource and item: a clean account, as after a fresh start. */
    public void reset() {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/moto-api/reset").toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.getOutputStream().close();
            if (connection.getResponseCode() / 100 != 2) {
                throw new IllegalStateException("emulator reset answered " + connection.getResponseCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to undo
        }
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the emulator exited at start with code " + process.exitValue()
                        + " (is port " + port + " taken?)");
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint() + "/moto-api/data.json").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.setReadTimeout(2000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the emulator did not answer on port " + port + " within " + START_TIMEOUT);
    }

    /** moto's server with DynamoDB requests made atomic (see moto_server.py), copied out of this jar once. */
    private static synchronized Path launcher() {
        if (launcher != null && Files.isRegularFile(launcher)) {
            return launcher;
        }
        try (var in = Emulator.class.getResourceAsStream("moto_server.py")) {
            if (in == null) {
                throw new IllegalStateException("moto_server.py is missing from the emulator jar");
            }
            Path script = Files.createTempFile("real-moments-moto-", ".py");
            script.toFile().deleteOnExit();
            Files.write(script, in.readAllBytes());
            launcher = script;
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The venv's python: -Demulator.python, $EMULATOR_PYTHON, or .venv/bin/python in this folder or one above. */
    static Path python() {
        String configured = System.getProperty("emulator.python", System.getenv("EMULATOR_PYTHON"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".venv/bin/python");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no .venv/bin/python here or above: run `make venv` first");
    }

    /** A port on 127.0.0.1 that nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
