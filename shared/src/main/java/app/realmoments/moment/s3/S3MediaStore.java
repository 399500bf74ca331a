package app.realmoments.moment.s3;

import app.realmoments.error.Problem;
import app.realmoments.moment.MediaStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Photos in the media bucket. Uploads are presigned PUTs whose signature covers the key, the
 * Content-Type and the Content-Length, so S3 itself refuses any other size or type. The S3 client and
 * the presigner are each built when first used ({@code S3Clients.lazyClient}, {@code lazyPresigner}):
 * most API requests only sign URLs, and the upload processor never signs one.
 */
public final class S3MediaStore implements MediaStore {

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3MediaStore(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    private S3Presigner presigner() {
        return presigner.get();
    }

    private S3Client s3() {
        return s3.get();
    }

    @Override
    public SignedRequest presignUpload(String key, String contentType, long contentLength, Duration ttl) {
        PresignedPutObjectRequest signed = presigner().presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType).contentLength(contentLength)));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values));
            }
        });
        return new SignedRequest("PUT", signed.url().toString(), headers);
    }

    @Override
    public String presignDownload(String key, Duration ttl) {
        return presigner().presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(o -> o.bucket(bucket).key(key)))
                .url().toString();
    }

    @Override
    public Optional<byte[]> read(String key, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3().getObject(r -> r.bucket(bucket).key(key))) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                throw new Problem(Problem.Kind.TOO_LARGE, "payload_too_large",
                        "the file is larger than " + maxBytes + " bytes", null);
            }
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new Problem(Problem.Kind.TOO_LARGE, "payload_too_large",
                        "the file is larger than " + maxBytes + " bytes", null);
            }
            return Optional.of(bytes);
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void write(String key, byte[] bytes, String contentType) {
        s3().putObject(r -> r.bucket(bucket).key(key).contentType(contentType).cacheControl("private, max-age=86400"),
                RequestBody.fromBytes(bytes));
    }

    @Override
    public void delete(String... keys) {
        if (keys.length == 0) {
            return;
        }
        List<ObjectIdentifier> objects = Arrays.stream(keys).map(k -> ObjectIdentifier.builder().key(k).build()).toList();
        var response = s3().deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(objects).quiet(true)));
        if (response.hasErrors() && !response.errors().isEmpty()) {
            throw new IllegalStateException("could not delete " + response.errors().size() + " media objects, first: "
                    + response.errors().getFirst().key() + " " + response.errors().getFirst().code());
        }
    }
}
