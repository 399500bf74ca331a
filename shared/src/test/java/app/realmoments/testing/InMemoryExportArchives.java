package app.realmoments.testing;

import app.realmoments.export.ExportArchives;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Archives as bytes by key; a "URL" names the key and its lifetime. */
public class InMemoryExportArchives implements ExportArchives {

    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    public final AtomicInteger writes = new AtomicInteger();

    @Override
    public void write(String userId, String exportId, Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            content.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writes.incrementAndGet();
        objects.put(ExportArchives.key(userId, exportId), out.toByteArray());
    }

    @Override
    public String presignDownload(String userId, String exportId, Duration ttl) {
        return "https://exports.example/" + ExportArchives.key(userId, exportId) + "?ttl=" + ttl.toSeconds();
    }

    @Override
    public void delete(String userId, String exportId) {
        objects.remove(ExportArchives.key(userId, exportId));
    }

    public byte[] archive(String userId, String exportId) {
        return objects.get(ExportArchives.key(userId, exportId));
    }
}
