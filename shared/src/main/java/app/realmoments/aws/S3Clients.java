package app.realmoments.aws;

import app.realmoments.snap.Priming;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the S3 client and presigner of a function; path-style addressing against a custom endpoint. */
public final class S3Clients {

    private S3Clients() {
    }

    private static S3Client build(AwsClients aws) {
        return aws.configure(S3Client.builder()).forcePathStyle(aws.customEndpoint()).build();
    }

    /**
     * The S3 client, built on first use: for a function that needs it on few routes (the moments API
     * deletes media, but most requests only sign URLs), a cold start then does not build it for a
     * request that never calls S3. Under SnapStart it is built (and primed) before the snapshot.
     */
    public static Supplier<S3Client> lazyClient(AwsClients aws) {
        Supplier<S3Client> lazy = Lazy.of(() -> build(aws));
        if (Priming.enabled()) {
            Priming.register("S3", () -> {
                lazy.get();
                prime(aws);
            });
        }
        return lazy;
    }

    /** A HEAD and a DELETE against a client that sends nothing; no object is read or written. */
    static void prime(AwsClients aws) {
        try (S3Client s3 = build(aws.forPriming("", "application/xml"))) {
            s3.headObject(r -> r.bucket("priming").key("priming"));
            s3.deleteObject(r -> r.bucket("priming").key("priming"));
        }
    }

    /**
     * The presigner, built on first use: the upload processor reads and writes objects but never signs a
     * URL. Under SnapStart it is built (and primed) before the snapshot.
     */
    public static Supplier<S3Presigner> lazyPresigner(AwsClients aws) {
        Supplier<S3Presigner> lazy = Lazy.of(() -> buildPresigner(aws));
        if (Priming.enabled()) {
            Priming.register("S3 presigner", () -> {
                lazy.get();
                try (S3Presigner presigner = buildPresigner(aws.forPriming("", "application/xml"))) {
                    presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(1))
                            .getObjectRequest(g -> g.bucket("priming").key("priming")));
                    presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(1))
                            .putObjectRequest(p -> p.bucket("priming").key("priming").contentType("image/jpeg")));
                }
            });
        }
        return lazy;
    }

    private static S3Presigner buildPresigner(AwsClients aws) {
        var builder = S3Presigner.builder()
                .region(aws.region())
                .credentialsProvider(aws.credentials())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(aws.customEndpoint()).build());
        if (aws.customEndpoint()) {
            builder.endpointOverride(aws.endpoint());
        }
        return builder.build();
    }
}
