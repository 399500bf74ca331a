package app.realmoments.moment.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.moment.MediaStore;
import app.realmoments.moment.MomentViews;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The upload URL's signature binds the key, size and type: S3 refuses a PUT that differs in any. */
class S3MediaStoreTest {

    private final AwsClients aws = new AwsClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")), null,
            UrlConnectionHttpClient.create());
    private final S3MediaStore store = new S3MediaStore(S3Clients.lazyClient(aws), S3Clients.lazyPresigner(aws), "media-bucket");

    @Test
    void theUploadSignatureCoversContentLengthContentTypeAndHost() {
        MediaStore.SignedRequest signed = store.presignUpload("uploads/u1/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back",
                "image/jpeg", 123_456, Duration.ofMinutes(10));

        assertEquals("PUT", signed.method());
        assertEquals(Map.of("content-length", "123456", "content-type", "image/jpeg"), signed.headers(),
                "the client must send exactly these headers");
        Map<String, String> query = query(signed.url());
        assertEquals(List.of("content-length", "content-type", "host"),
                Arrays.asList(query.get("X-Amz-SignedHeaders").split(";")));
        assertEquals("600", query.get("X-Amz-Expires"));
        assertEquals("AWS4-HMAC-SHA256", query.get("X-Amz-Algorithm"));
        assertTrue(query.get("X-Amz-Credential").startsWith("AKIDEXAMPLE/"), query.get("X-Amz-Credential"));
        assertTrue(URI.create(signed.url()).getPath().endsWith("/uploads/u1/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back"), signed.url());
    }

    @Test
    void anotherSizeOrTypeGivesAnotherSignature() {
        String key = "uploads/u1/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back";
        String base = signature(store.presignUpload(key, "image/jpeg", 100, Duration.ofMinutes(10)).url());
        // the signing time is to the second: sign again until two land in the same second
        for (int attempt = 0; attempt < 5; attempt++) {
            String same = signature(store.presignUpload(key, "image/jpeg", 100, Duration.ofMinutes(10)).url());
            String bigger = signature(store.presignUpload(key, "image/jpeg", 101, Duration.ofMinutes(10)).url());
            String png = signature(store.presignUpload(key, "image/png", 100, Duration.ofMinutes(10)).url());
            if (same.equals(base)) {
                assertTrue(!bigger.equals(base) && !png.equals(base), "size and type are signed");
                return;
            }
            base = same;
        }
        throw new AssertionError("could not sign twice within one second");
    }

    @Test
    void downloadUrlsAreShortLived() {
        Map<String, String> query = query(store.presignDownload("media/01JD8X3Q6Z7V9K2M4N5P6R7S8T/back.jpg",
                MomentViews.IMAGE_URL_TTL));
        assertEquals("900", query.get("X-Amz-Expires"));
        assertEquals("host", query.get("X-Amz-SignedHeaders"));
    }

    private static String signature(String url) {
        return query(url).get("X-Amz-Signature");
    }

    private static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
