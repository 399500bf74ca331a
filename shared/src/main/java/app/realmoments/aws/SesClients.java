package app.realmoments.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** Builds the SES (v2 API) client of a function. */
public final class SesClients {

    private SesClients() {
    }

    public static SesV2Client create(AwsClients aws) {
        return aws.configure(SesV2Client.builder()).build();
    }

    /** Built when the first email goes out: the campus API sends mail on one route of six. */
    public static Supplier<SesV2Client> lazyClient(AwsClients aws) {
        return Lazy.of(() -> create(aws));
    }
}
