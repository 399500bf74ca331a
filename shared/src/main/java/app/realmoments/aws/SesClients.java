package app.realmoments.aws;

import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Builds the SES (v2 API) client of a function, once per container. */
public final class SesClients {

    private SesClients() {
    }

    public static SesV2Client create(AwsClients aws) {
        return aws.configure(SesV2Client.builder()).build();
    }
}
