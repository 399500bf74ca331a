package app.realmoments.aws;

import software.amazon.awssdk.services.rekognition.RekognitionClient;

/** Builds the Rekognition client of the upload processor (Wiring keeps the one it builds for the container). */
public final class RekognitionClients {

    private RekognitionClients() {
    }

    public static RekognitionClient create(AwsClients aws) {
        return aws.configure(RekognitionClient.builder()).build();
    }
}
