package app.realmoments.runtime.events;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * S3's asynchronous invocation of a function: S3 (moto) writes each notification into an internal
 * queue set up for this function; this pump takes them out and invokes the function with the S3Event,
 * several at a time. Like Lambda's async invocation it retries a failure (MaximumRetryAttempts of the
 * function's EventInvokeConfig, 2 by default; after 1 s and 2 s here, minutes in AWS), then sends a
 * record of it to the OnFailure destination if there is one ({@link AsyncFailures}), else drops it.
 */
public final class S3Pump extends Pump {

    private final Aws aws;
    private final LocalFunction function;
    private final String queueUrl;
    private final String accountId;
    private final String onFailureQueue;
    private final ExecutorService workers;
    private final Semaphore inFlight = new Semaphore(LocalFunction.MAX_INSTANCES);

    /** @param onFailureQueue the queue URL of the function's EventInvokeConfig OnFailure destination, or null */
    public S3Pump(Aws aws, LocalFunction function, String queueUrl, String accountId, String onFailureQueue) {
        super(function.spec().logicalId() + "<-s3");
        this.aws = aws;
        this.function = function;
        this.queueUrl = queueUrl;
        this.accountId = accountId;
        this.onFailureQueue = onFailureQueue;
        this.workers = Executors.newFixedThreadPool(LocalFunction.MAX_INSTANCES, r -> {
            Thread thread = new Thread(r, "pump-" + name() + "-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    protected boolean poll() throws InterruptedException {
        if (!function.jarExists()) {
            return false; // not built yet: events wait where they are (in the queue, the stream) until it is
        }
        int free = Math.max(1, inFlight.availablePermits());
        List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(Math.min(10, free)).waitTimeSeconds(1)).messages();
        for (Message message : messages) {
            inFlight.acquire();
            workers.execute(() -> {
                try {
                    deliver(message);
                } finally {
                    inFlight.release();
                }
            });
        }
        return !messages.isEmpty();
    }

    private void deliver(Message message) {
        try {
            JsonNode body = EventJson.JSON.readTree(message.body());
            if (!EventJson.isS3TestEvent(body)) {
                String event = EventJson.s3Event(body, accountId).toString();
                int attempts = 1 + function.spec().async().retries();
                for (int attempt = 1; attempt <= attempts && running(); attempt++) {
                    Invocation invocation = function.invoke(event);
                    if (!invocation.failed()) {
                        break;
                    }
                    if (attempt == attempts) {
                        AsyncFailures.report(aws, function, onFailureQueue, event, invocation, attempts,
                                "an S3 event (" + summary(body) + ")");
                    } else {
                        Thread.sleep(1000L * attempt);
                    }
                }
            }
            aws.sqs().deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running()) {
                RuntimeLog.error(name() + ": cannot deliver an S3 event", e);
            }
        }
    }

    private static String summary(JsonNode body) {
        JsonNode record = body.path("Records").path(0);
        return record.path("eventName").asText() + " s3://" + record.path("s3").path("bucket").path("name").asText()
                + "/" + record.path("s3").path("object").path("key").asText();
    }

    @Override
    public void close() {
        super.close();
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
