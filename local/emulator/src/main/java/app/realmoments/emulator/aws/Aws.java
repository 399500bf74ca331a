package app.realmoments.emulator.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The runtime's own AWS clients, all pointed at the emulator: dummy credentials, the URLConnection
 * HTTP client, path-style S3. Built on first use, closed together.
 */
public final class Aws implements AutoCloseable {

    /** The credentials handed to moto (it accepts anything) and to every function. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private final URI endpoint;
    private final Region region;
    private final SdkHttpClient http;
    private final StaticCredentialsProvider credentials;
    private final List<AutoCloseable> built = new ArrayList<>();

    private DynamoDbClient dynamo;
    private DynamoDbStreamsClient streams;
    private S3Client s3;
    private SqsClient sqs;
    private SnsClient sns;
    private CognitoIdentityProviderClient cognito;
    private SesV2Client ses;

    public Aws(String endpoint, String region) {
        this.endpoint = URI.create(endpoint);
        this.region = Region.of(region);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(30))
                .build();
        this.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }

    public String endpoint() {
        return endpoint.toString();
    }

    public String region() {
        return region.id();
    }

    private ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(60)).build();
    }

    public synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = keep(DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return dynamo;
    }

    public synchronized DynamoDbStreamsClient streams() {
        if (streams == null) {
            streams = keep(DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return streams;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = keep(S3Client.builder().endpointOverride(endpoint).region(region).forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return s3;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = keep(SqsClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return sqs;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = keep(SnsClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return sns;
    }

    public synchronized CognitoIdentityProviderClient cognito() {
        if (cognito == null) {
            cognito = keep(CognitoIdentityProviderClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return cognito;
    }

    public synchronized SesV2Client ses() {
        if (ses == null) {
            ses = keep(SesV2Client.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials).httpClient(http).overrideConfiguration(overrides()).build());
        }
        return ses;
    }

    private <T extends AutoCloseable> T keep(T client) {
        built.add(client);
        return client;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable client : built) {
            try {
                client.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
        built.clear();
        http.close();
    }
}
