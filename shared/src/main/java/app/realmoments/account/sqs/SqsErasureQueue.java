package app.realmoments.account.sqs;

import app.realmoments.account.ErasureJob;
import app.realmoments.account.ErasureQueue;
import app.realmoments.json.Json;
import java.time.Duration;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Erasure jobs on SQS (ERASURE_QUEUE_URL), one message each. */
public final class SqsErasureQueue implements ErasureQueue {

    private static final long MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsErasureQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(ErasureJob job, Duration delay) {
        int seconds = (int) Math.max(0, Math.min(MAX_DELAY_SECONDS, delay.toSeconds()));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(job)).delaySeconds(seconds));
    }
}
