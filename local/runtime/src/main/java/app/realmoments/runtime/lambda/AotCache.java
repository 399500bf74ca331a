package app.realmoments.runtime.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JDK AOT caches (JEP 483; made in one run with {@code -XX:AOTCacheOutput}, JEP 514) of one
 * function's containers, in a directory: {@code <LogicalId>-<key>.aot}.
 *
 * <p>The key is a hash of the bytes of the container's class path (the function's jar, the bootstrap
 * jar) and of settings that decide what a cache is valid for (the JDK, the JVM options). It has to
 * cover the jar's bytes: a JDK 25 JVM given a cache made from an older jar at the same path does not
 * notice and runs the cached, old classes. When a function's key changes (its jar was rebuilt with
 * other contents, the JDK or the options changed), its files of other keys are deleted.
 *
 * <p>One training per key at a time: the first container started without a cache records one and
 * writes it when its JVM exits; {@link #finish} then moves it into place if the JVM wrote it whole.
 */
public final class AotCache {

    /** The cache file of one key (it may not exist yet). */
    public record Entry(String key, Path file) {
    }

    /** A container JVM recording a cache: it writes {@code output} when it exits. */
    public record Training(Entry entry, Path output) {
    }

    /** Temporary files older than this are leftovers of a runtime that was killed mid-training. */
    private static final long LEFTOVER_MILLIS = 3_600_000;

    private final Path directory;
    private final String function;
    private final Map<Path, Digest> digests = new HashMap<>();
    private String lastKey;
    private Training training;

    /** A file's SHA-256, valid while its size and modification time are unchanged. */
    private record Digest(long size, FileTime modified, byte[] sha256) {
    }

    public AotCache(Path directory, String function) {
        this.directory = directory.toAbsolutePath().normalize();
        this.function = function;
    }

    /**
     * The entry of the class path and settings as they are now. A file is hashed again only when its
     * size or modification time changed. When the key differs from the last one (or is the first),
     * the function's files of other keys are deleted.
     */
    public synchronized Entry entry(List<Path> classPath, List<String> settings) throws IOException {
        MessageDigest sha = sha256();
        for (Path file : classPath) {
            sha.update(digest(file));
        }
        for (String setting : settings) {
            sha.update((setting + "\n").getBytes(StandardCharsets.UTF_8));
        }
        String key = HexFormat.of().formatHex(sha.digest(), 0, 8);
        Entry entry = new Entry(key, directory.resolve(function + "-" + key + ".aot"));
        if (!key.equals(lastKey)) {
            deleteStale(key);
            lastKey = key;
        }
        return entry;
    }

    /**
     * Claims the recording of the entry's cache for one container: the output file its JVM is to write.
     * Null when the cache exists already or another container of this function records one now.
     */
    public synchronized Training claim(Entry entry) throws IOException {
        if (training != null || Files.isRegularFile(entry.file())) {
            return null;
        }
        Files.createDirectories(directory);
        training = new Training(entry, directory.resolve(entry.file().getFileName() + "."
                + UUID.randomUUID().toString().substring(0, 8) + ".tmp"));
        return training;
    }

    /**
     * After the recording JVM ended: moves its cache into place (atomically) when it is whole (the
     * JVM exited with status 0, wrote a non-empty file and removed its temporary configuration, which
     * it leaves behind when assembling the cache failed), else deletes what it left. Frees the claim.
     *
     * @return whether the cache is now in place
     */
    public synchronized boolean finish(Training finished, int exitStatus) {
        Path config = finished.output().resolveSibling(finished.output().getFileName() + ".config");
        try {
            boolean whole = exitStatus == 0 && Files.isRegularFile(finished.output())
                    && Files.size(finished.output()) > 0 && !Files.exists(config);
            if (whole && finished.entry().key().equals(lastKey)) {
                Files.move(finished.output(), finished.entry().file(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the AOT cache " + finished.entry().file() + " in place", e);
        } finally {
            deleteQuietly(finished.output());
            deleteQuietly(config);
            if (training == finished) {
                training = null;
            }
        }
    }


    /** Deletes the function's caches of other keys, and temporary files of other keys or left long ago. */
    private void deleteStale(String key) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        String prefix = function + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, prefix + "*.aot*")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean current = name.startsWith(prefix + key + ".aot");
                boolean temporary = !name.endsWith(".aot");
                if (!current || temporary && Files.getLastModifiedTime(file).toMillis()
                        < System.currentTimeMillis() - LEFTOVER_MILLIS) {
                    deleteQuietly(file);
                }
            }
        }
    }

    private byte[] digest(Path file) throws IOException {
        long size = Files.size(file);
        FileTime modified = Files.getLastModifiedTime(file);
        Digest known = digests.get(file);
        if (known != null && known.size() == size && known.modified().equals(modified)) {
            return known.sha256();
        }
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        byte[] value = sha.digest();
        digests.put(file, new Digest(size, modified, value));
        return value;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover is deleted by a later sweep
        }
    }
}
