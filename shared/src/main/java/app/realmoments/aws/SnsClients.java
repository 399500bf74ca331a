package app.realmoments.aws;

import app.realmoments.snap.Priming;
import software.amazon.awssdk.services.sns.SnsClient;

/** Builds the SNS client of a function, once per container. */
public final class SnsClients {

    private SnsClients() {
    }

    public static SnsClient create(AwsClients aws) {
        if (Priming.enabled()) {
            Priming.register("SNS", () -> prime(aws));
        }
        return aws.configure(SnsClient.builder()).build();
    }

    private static final String CANNED = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>priming</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>priming</RequestId></ResponseMetadata></PublishResponse>";

    /** A mobile push as the dispatcher sends one (a JSON message structure), against a client that sends nothing. */
    static void prime(AwsClients aws) {
        try (SnsClient sns = aws.forPriming(CANNED, "text/xml").configure(SnsClient.builder()).build()) {
            sns.publish(r -> r.targetArn("arn:aws:sns:" + aws.region().id() + ":123456789012:endpoint/GCM/priming/priming")
                    .messageStructure("json").message("{\"default\":\"priming\",\"GCM\":\"{}\"}"));
        }
    }
}
