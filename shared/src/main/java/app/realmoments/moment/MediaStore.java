package app.realmoments.moment;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where photo bytes live: uploads from clients and the processed images served back. */
public interface MediaStore {

    /** A URL the client uploads to directly, with the key, size and type bound into its signature. */
    SignedRequest presignUpload(String key, String contentType, long contentLength, Duration ttl);

    /** A short-lived URL to read one object. */
    String presignDownload(String key, Duration ttl);

    /** The object's bytes, or empty if it does not exist; refuses to read more than {@code maxBytes}. */
    Optional<byte[]> read(String key, long maxBytes);

    void write(String key, byte[] bytes, String contentType);

    void delete(String... keys);

    /** What a client needs to make a presigned request. */
    record SignedRequest(String method, String url, Map<String, String> headers) {
    }
}
