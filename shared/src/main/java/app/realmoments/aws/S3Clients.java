package app.realmoments.aws;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Builds the S3 client and presigner of a function; path-style addressing against a custom endpoint. */
public final class S3Clients {

    private S3Clients() {
    }

    public static S3Client client(AwsClients aws) {
        return aws.configure(S3Client.builder()).forcePathStyle(aws.customEndpoint()).build();
    }

    public static S3Presigner presigner(AwsClients aws) {
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
