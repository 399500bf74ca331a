package app.realmoments.testing;

import app.realmoments.error.Problem;
import app.realmoments.moment.MediaStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Objects in a map; presigned URLs are recognisable fakes. */
public final class InMemoryMediaStore implements MediaStore {

    public final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public SignedRequest presignUpload(String key, String contentType, long contentLength, Duration ttl) {
        return new SignedRequest("PUT", "https://media.test/" + key + "?ttl=" + ttl.toSeconds(),
                Map.of("content-type", contentType, "content-length", Long.toString(contentLength)));
    }

    @Override
    public String presignDownload(String key, Duration ttl) {
        return "https://media.test/" + key + "?get&ttl=" + ttl.toSeconds();
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        byte[] bytes = objects.get(key);
        if (bytes != null && bytes.length > maxBytes) {
            throw new Problem(Problem.Kind.TOO_LARGE, "payload_too_large", "too large", null);
        }
        return Optional.ofNullable(bytes);
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) {
        objects.put(key, bytes);
    }

    @Override
    public void delete(String... keys) {
        for (String key : keys) {
            objects.remove(key);
            deleted.add(key);
        }
    }
}
