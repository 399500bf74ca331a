package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.Isolation;
import app.realmoments.runtime.lambda.LocalFunction;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The same as {@link LocalFunctionTest} with every container a JVM of its own (what {@code make dev}
 * and {@code make invoke} run), and what only such containers have: a JVM that ends, a timed-out JVM
 * stopped, none left after close, and the AOT cache trained by the first container and used by the next.
 */
class ProcessContainersTest extends LocalFunctionTest {

    private static final String PROBE = "{\"action\": \"probe\"}";

    @Override
    Isolation isolation() {
        return Isolation.process(dir.resolve("aot")).withoutAotCache();
    }

    private static long pid(Invocation invocation) throws Exception {
        assertFalse(invocation.failed(), invocation.response());
        return JSON.readTree(invocation.response()).path("pid").asLong();
    }

    /** Waits (up to 15 s) for a process to be gone; fails if it is still there. */
    private static void awaitGone(long pid) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            assertTrue(Instant.now().isBefore(deadline), "the container JVM " + pid + " is still running");
            Thread.sleep(50);
        }
    }

    @Test
    void aContainerWhoseJvmEndsFailsItsInvocationAndIsReplaced() throws Exception {
        long first = pid(function.invoke(PROBE));
        Invocation crashed = function.invoke("{\"action\": \"halt\"}");
        assertTrue(crashed.failed());
        assertEquals("Runtime.ExitError", JSON.readTree(crashed.response()).path("errorType").asText());
        assertTrue(crashed.error().getMessage().contains("exit status 3"), crashed.error().getMessage());
        awaitGone(first);

        Invocation next = function.invoke(PROBE);
        assertTrue(next.coldStart(), "a new container replaces the one that ended");
        assertNotEquals(first, pid(next));
    }

    @Test
    void aTimedOutContainerJvmIsStoppedNotLeftRunning() throws Exception {
        long first = pid(function.invoke(PROBE));
        Invocation timedOut = function.invoke("{\"action\": \"sleep\", \"millis\": 8000}");
        assertTrue(timedOut.failed());
        assertTrue(timedOut.error().getMessage().contains("Task timed out after 2.00 seconds"), timedOut.response());
        awaitGone(first);
    }

    @Test
    void closingTheFunctionLeavesNoContainerJvm() throws Exception {
        long pid = pid(function.invoke(PROBE));
        function.close();
        awaitGone(pid);
        assertTrue(function.invoke(PROBE).failed(), "a closed function starts nothing");
    }

    @Test
    void theFirstContainerTrainsAnAotCacheAndTheNextColdStartUsesIt() throws Exception {
        Path aot = dir.resolve("aot-cache");
        String classLog = dir.resolve("classes-%p.log").toString();
        // AOTMode=on: a container given a cache its JVM cannot use fails instead of quietly running without.
        Isolation strict = Isolation.process(aot).requiringAotCache()
                .withJvmOptions(List.of("-Xlog:class+load=info:file=" + classLog));
        try (LocalFunction trained = probe(strict)) {
            Invocation training = trained.invoke(PROBE);
            long trainer = pid(training);
            assertTrue(training.coldStart());
            // It served its one invocation, was told to exit, and wrote the cache as it exited.
            Instant deadline = Instant.now().plusSeconds(60);
            List<Path> caches = files(aot, "ProbeFunction-*.aot");
            while (caches.isEmpty() && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                caches = files(aot, "ProbeFunction-*.aot");
            }
            assertEquals(1, caches.size(), "one cache of the function: " + caches);
            awaitGone(trainer);
            assertTrue(files(aot, "*.tmp*").isEmpty(), "no temporary file left");

            Invocation cached = trained.invoke(PROBE);
            assertTrue(cached.coldStart(), "the training container is not reused");
            long user = pid(cached);
            assertNotEquals(trainer, user);
            String loaded = Files.readString(Path.of(classLog.replace("%p", Long.toString(user))));
            assertTrue(loaded.contains("app.realmoments.runtime.fixture.Probe source: shared objects file"),
                    "the handler class came from the AOT cache");
        }
    }

    private static List<Path> files(Path dir, String glob) throws Exception {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, glob)) {
            return StreamSupport.stream(found.spliterator(), false).toList();
        }
    }
}
