package app.realmoments.aws;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URI;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

class S3ClientsTest {

    @Test
    void theLazyClientIsBuiltOnceForEveryCaller() {
        try (var http = new app.realmoments.snap.PrimingHttpClient("", "application/xml")) {
            AwsClients aws = new AwsClients(Region.US_EAST_1, AnonymousCredentialsProvider.create(),
                    URI.create("http://127.0.0.1:1"), http);
            Supplier<S3Client> lazy = S3Clients.lazyClient(aws);
            S3Client first = lazy.get();
            assertSame(first, lazy.get());
            first.headObject(r -> r.bucket("b").key("k")); // a working client (the canned HTTP client answers)
        }
    }
}
