package app.realmoments.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache's key, file names, staleness and training claims (no JVM started). */
class AotCacheTest {

    private static final List<String> SETTINGS = List.of("jdk-25", "-XX:+UseSerialGC -Xmx217m");

    @TempDir
    Path dir;

    private Path jar;
    private Path bootstrap;
    private AotCache cache;

    @BeforeEach
    void files() throws Exception {
        jar = Files.writeString(dir.resolve("function.jar"), "function v1");
        bootstrap = Files.writeString(dir.resolve("bootstrap.jar"), "bootstrap");
        cache = new AotCache(dir.resolve("aot"), "ProfileApiFunction");
    }

    private AotCache.Entry entry() throws Exception {
        return cache.entry(List.of(jar, bootstrap), SETTINGS);
    }

    @Test
    void theFileIsNamedAfterTheFunctionAndAKeyOfTheJarsBytes() throws Exception {
        AotCache.Entry entry = entry();
        assertTrue(entry.key().matches("[0-9a-f]{16}"), entry.key());
        assertEquals(dir.resolve("aot/ProfileApiFunction-" + entry.key() + ".aot"), entry.file());
        assertEquals(entry, entry(), "the same bytes, the same key");

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals(entry, entry(), "a rebuild to the same bytes keeps the key");
        assertEquals(entry, new AotCache(dir.resolve("aot"), "ProfileApiFunction").entry(List.of(jar, bootstrap),
                SETTINGS), "another runtime computes the same key");
    }

    @Test
    void aChangedJarGivesANewKeyAndRemovesTheFunctionsOldFiles() throws Exception {
        AotCache.Entry old = entry();
        Files.createDirectories(old.file().getParent());
        Files.writeString(old.file(), "old cache");
        Path otherFunction = Files.writeString(dir.resolve("aot/FeedApiFunction-0123456789abcdef.aot"), "other");
        Path similarName = Files.writeString(dir.resolve("aot/ProfileApiFunctionV2-0123456789abcdef.aot"), "other");

        Files.writeString(jar, "function v2");
        AotCache.Entry fresh = entry();
        assertNotEquals(old.key(), fresh.key());
        assertFalse(Files.exists(old.file()), "the stale cache is deleted");
        assertTrue(Files.exists(otherFunction) && Files.exists(similarName), "other functions' caches stay");
    }

    @Test
    void theBootstrapJdkAndOptionsArePartOfTheKey() throws Exception {
        String key = entry().key();
        assertNotEquals(key, cache.entry(List.of(jar, bootstrap), List.of("jdk-26", SETTINGS.get(1))).key());
        assertNotEquals(key, cache.entry(List.of(jar, bootstrap), List.of(SETTINGS.get(0), "-Xmx870m")).key());
        Files.writeString(bootstrap, "bootstrap v2");
        assertNotEquals(key, entry().key());
    }

    @Test
    void oneTrainingAtATimeAndNoneOnceTheCacheExists() throws Exception {
        AotCache.Entry entry = entry();
        AotCache.Training training = cache.claim(entry);
        assertNotNull(training);
        assertTrue(training.output().getFileName().toString().startsWith(entry.file().getFileName() + "."));
        assertNull(cache.claim(entry), "another container starts without a cache meanwhile");

        Files.writeString(training.output(), "a whole cache");
        assertTrue(cache.finish(training, 0));
        assertEquals("a whole cache", Files.readString(entry.file()));
        assertFalse(Files.exists(training.output()));
        assertNull(cache.claim(entry), "the cache exists");
    }

    @Test
    void anIncompleteTrainingLeavesNothingAndCanBeRetried() throws Exception {
        AotCache.Entry entry = entry();
        AotCache.Training killed = cache.claim(entry);
        Files.writeString(killed.output(), "half a cache");
        assertFalse(cache.finish(killed, 137), "a JVM that did not exit normally");
        assertFalse(Files.exists(killed.output()) || Files.exists(entry.file()));

        AotCache.Training failedAssembly = cache.claim(entry);
        assertNotNull(failedAssembly, "the next container may train");
        Path config = Files.writeString(failedAssembly.output().resolveSibling(failedAssembly.output().getFileName()
                + ".config"), "left when assembling failed");
        assertFalse(cache.finish(failedAssembly, 0), "status 0, but the JVM could not assemble the cache");
        assertFalse(Files.exists(config) || Files.exists(entry.file()));
        assertNotNull(cache.claim(entry));
    }

    @Test
    void aTrainingOfAKeyThatWentStaleIsNotPutInPlace() throws Exception {
        AotCache.Entry old = entry();
        AotCache.Training training = cache.claim(old);
        Files.writeString(training.output(), "a cache of the old jar");
        Files.writeString(jar, "function v2");
        entry();
        assertFalse(cache.finish(training, 0));
        assertFalse(Files.exists(old.file()));
    }

    @Test
    void theBootstrapJarIsWrittenOnceUnderItsHashAndReplacesOtherBuilds() throws Exception {
        Path aot = Files.createDirectories(dir.resolve("aot"));
        Path older = Files.writeString(aot.resolve("bootstrap-0000000000000000.jar"), "an older runtime's");
        Files.setLastModifiedTime(older, FileTime.from(Instant.now().minusSeconds(7200)));
        Path recent = Files.writeString(aot.resolve("bootstrap-1111111111111111.jar"), "a runtime's running now");
        Path jar = ProcessContainers.bootstrapJar(aot);
        assertTrue(jar.getFileName().toString().matches("bootstrap-[0-9a-f]{16}\\.jar"), jar.toString());
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(recent), "maybe in use by a runtime of another build");
        FileTime written = Files.getLastModifiedTime(jar);
        assertEquals(jar, ProcessContainers.bootstrapJar(aot));
        assertEquals(written, Files.getLastModifiedTime(jar), "not written again: a cache's class path stays as it was");
    }

    @Test
    void leftoversOfAKilledRuntimeAreDeletedOnceOld() throws Exception {
        AotCache.Entry entry = entry();
        Files.createDirectories(entry.file().getParent());
        Path recent = Files.writeString(entry.file().resolveSibling(entry.file().getFileName() + ".aaaa.tmp"), "x");
        Path old = Files.writeString(entry.file().resolveSibling(entry.file().getFileName() + ".bbbb.tmp"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(7200)));
        new AotCache(dir.resolve("aot"), "ProfileApiFunction").entry(List.of(jar, bootstrap), SETTINGS);
        assertTrue(Files.exists(recent), "maybe another runtime's training in progress");
        assertFalse(Files.exists(old));
    }
}
