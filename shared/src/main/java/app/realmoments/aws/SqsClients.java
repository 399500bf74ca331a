package app.realmoments.aws;

import app.realmoments.snap.Priming;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Builds the SQS client of a function, once per container. */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient create(AwsClients aws) {
        if (Priming.enabled()) {
            Priming.register("SQS", () -> prime(aws));
        }
        return aws.configure(SqsClient.builder()).build();
    }

    /** The MD5 of the primed body "{}", which the client checks in the canned answer as in a real one. */
    private static final String MD5_OF_EMPTY_OBJECT = "99914b932bd37a50b983c5e7c90ae93b";
    private static final String CANNED = ("{\"MessageId\":\"priming\",\"MD5OfMessageBody\":\"%1$s\","
            + "\"Successful\":[{\"Id\":\"0\",\"MessageId\":\"priming\",\"MD5OfMessageBody\":\"%1$s\"}],\"Failed\":[]}")
            .formatted(MD5_OF_EMPTY_OBJECT);

    /** The calls the functions make (notification jobs), against a client that sends nothing. */
    static void prime(AwsClients aws) {
        try (SqsClient sqs = aws.forPriming(CANNED, "application/x-amz-json-1.0").configure(SqsClient.builder()).build()) {
            String queue = "https://sqs." + aws.region().id() + ".amazonaws.com/123456789012/priming";
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{}"));
            sqs.sendMessageBatch(r -> r.queueUrl(queue).entries(e -> e.id("0").messageBody("{}")));
        }
    }
}
