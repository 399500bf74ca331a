package app.realmoments.testing;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.CognitoClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.aws.SesClients;
import app.realmoments.aws.SnsClients;
import app.realmoments.aws.SqsClients;
import app.realmoments.emulator.Emulator;
import app.realmoments.emulator.provision.ProvisionedStack;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One emulator per test JVM with every resource of template.yaml in it, reached through the same
 * client factories the functions use. It stops with the JVM. Tests isolate themselves with fresh ids.
 */
public final class LocalAws {

    private static LocalAws shared;

    private final ProvisionedStack stack;
    private final AwsClients clients;
    private final DynamoDbClient dynamo;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final SqsClient sqs;
    private SnsClient sns;
    private SesV2Client ses;
    private CognitoIdentityProviderClient cognito;
    private final String endpoint;

    private LocalAws(Emulator emulator) {
        this.endpoint = emulator.endpoint();
        this.stack = ProvisionedStack.provision(emulator.endpoint(), ProvisionedStack.findRoot().resolve("template.yaml"));
        this.clients = new AwsClients(Region.of(stack.aws().region()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")),
                URI.create(emulator.endpoint()), UrlConnectionHttpClient.create());
        this.dynamo = DynamoClients.create(clients);
        this.s3 = S3Clients.lazyClient(clients).get();
        this.presigner = S3Clients.lazyPresigner(clients).get();
        this.sqs = SqsClients.create(clients);
    }

    public static synchronized LocalAws shared() {
        if (shared == null) {
            shared = new LocalAws(Emulator.start());
        }
        return shared;
    }

    public AwsClients clients() {
        return clients;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public S3Client s3() {
        return s3;
    }

    public S3Presigner presigner() {
        return presigner;
    }

    public SqsClient sqs() {
        return sqs;
    }

    /** An SNS client (mobile push: platform applications and endpoints), built when first asked for. */
    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = SnsClients.create(clients);
        }
        return sns;
    }

    /** An SES (v2) client, built when first asked for. */
    public synchronized SesV2Client ses() {
        if (ses == null) {
            ses = SesClients.create(clients);
        }
        return ses;
    }

    /** A Cognito client (the template's user pool: {@code ref("UserPool")}), built when first asked for. */
    public synchronized CognitoIdentityProviderClient cognito() {
        if (cognito == null) {
            cognito = CognitoClients.create(clients);
        }
        return cognito;
    }

    /** The emulator's endpoint (its own paths, such as the emails it kept). */
    public String endpoint() {
        return endpoint;
    }

    /** The physical id of any resource of the template. */
    public String ref(String logicalId) {
        return stack.ref(logicalId);
    }

    public String table(String logicalId) {
        return stack.ref(logicalId);
    }

    public String bucket(String logicalId) {
        return stack.ref(logicalId);
    }

    public String queueUrl(String logicalId) {
        return stack.ref(logicalId);
    }
}
