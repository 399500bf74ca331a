package app.realmoments.aws;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The SnapStart primers complete against the canned client: no network, no table, no bucket. */
class PrimingClientsTest {

    private final AwsClients aws = new AwsClients(Region.US_EAST_1, AnonymousCredentialsProvider.create(), null, null);

    @Test
    void dynamoPrimerCompletes() {
        DynamoClients.prime(aws);
    }

    @Test
    void s3PrimerCompletesWithAndWithoutACustomEndpoint() {
        S3Clients.prime(aws);
        S3Clients.prime(new AwsClients(Region.US_EAST_1, AnonymousCredentialsProvider.create(),
                URI.create("http://127.0.0.1:1"), null));
    }

    @Test
    void sqsPrimerCompletes() {
        SqsClients.prime(aws);
    }

    @Test
    void snsPrimerCompletes() {
        SnsClients.prime(aws);
    }

    @Test
    void tlsPrimerCompletes() {
        AwsClients.primeTls("us-east-1");
    }
}
