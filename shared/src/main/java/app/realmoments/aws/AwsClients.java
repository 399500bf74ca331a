package app.realmoments.aws;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The settings every AWS client of a function shares, read once per container: region, credentials
 * and the optional {@code AWS_ENDPOINT_URL} (an emulator, or any AWS-compatible endpoint).
 *
 * <p>Region and credentials are given explicitly rather than discovered, which is the SDK's own
 * start-up advice: no provider chain walk, no instance-metadata probe. The light URLConnection
 * client keeps Apache and Netty out of every jar; its TLS trust starts from the Amazon Trust Services
 * roots ({@link AwsTrust}) instead of parsing the JDK's whole trust store at every cold start.
 * Service clients are built by the adapters' own factories (e.g. {@code DynamoClients}) so a
 * function pulls in only the SDK modules it uses.
 *
 * <p>SnapStart: Lambda gives a SnapStart function no AWS_ACCESS_KEY_ID; its credentials come from the
 * container credentials endpoint (AWS_CONTAINER_CREDENTIALS_FULL_URI), fetched lazily on the first call,
 * that is after the restore, never into the snapshot.
 */
public record AwsClients(Region region, AwsCredentialsProvider credentials, URI endpoint, SdkHttpClient http) {

    /**
     * Reads AWS_REGION, the AWS_* credentials Lambda provides, and AWS_ENDPOINT_URL if present, from
     * {@code environment} (a variable's value by name, or null).
     */
    public static AwsClients from(Function<String, String> environment) {
        Region region = Region.of(require(environment, "AWS_REGION"));
        String endpoint = blankToNull(environment.apply("AWS_ENDPOINT_URL"));
        if (app.realmoments.snap.Priming.enabled()) {
            app.realmoments.snap.Priming.register("TLS", () -> primeTls(region.id()));
        }
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .tlsTrustManagersProvider(AwsTrust::trustManagers)
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(20))
                .build();
        return new AwsClients(region, credentials(environment), endpoint == null ? null : URI.create(endpoint), http);
    }

    private static AwsCredentialsProvider credentials(Function<String, String> environment) {
        String accessKey = blankToNull(environment.apply("AWS_ACCESS_KEY_ID"));
        if (accessKey == null && blankToNull(environment.apply("AWS_CONTAINER_CREDENTIALS_FULL_URI")) != null) {
            return ContainerCredentialsProvider.builder().build();
        }
        accessKey = require(environment, "AWS_ACCESS_KEY_ID");
        String secretKey = require(environment, "AWS_SECRET_ACCESS_KEY");
        String sessionToken = blankToNull(environment.apply("AWS_SESSION_TOKEN"));
        AwsCredentials credentials = sessionToken == null
                ? AwsBasicCredentials.create(accessKey, secretKey)
                : AwsSessionCredentials.create(accessKey, secretKey, sessionToken);
        return StaticCredentialsProvider.create(credentials);
    }

    private static String require(Function<String, String> environment, String name) {
        String value = blankToNull(environment.apply(name));
        if (value == null) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A TLS client hello, made in memory and never sent: the handshake's classes and key generation. */
    static void primeTls(String region) {
        try {
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, AwsTrust.trustManagers(), null);
            javax.net.ssl.SSLEngine engine = context.createSSLEngine("dynamodb." + region + ".amazonaws.com", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(java.nio.ByteBuffer.allocate(0), out);
            engine.closeOutbound();
        } catch (java.security.GeneralSecurityException | javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same settings over an HTTP client that answers every request with {@code body} and sends
     * nothing, with placeholder credentials: what SnapStart priming builds its throw-away clients from.
     */
    public AwsClients forPriming(String body, String contentType) {
        return new AwsClients(region, StaticCredentialsProvider.create(AwsBasicCredentials.create("priming", "priming")),
                endpoint, new app.realmoments.snap.PrimingHttpClient(body, contentType));
    }

    /** True when requests go to an endpoint other than AWS's own (S3 then needs path-style addressing). */
    public boolean customEndpoint() {
        return endpoint != null;
    }

    /** Applies region, credentials, HTTP client, timeouts and the endpoint to any service's client builder. */
    public <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder) {
        builder.region(region).credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides());
        if (customEndpoint()) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    public ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(Duration.ofSeconds(10))
                .build();
    }
}
