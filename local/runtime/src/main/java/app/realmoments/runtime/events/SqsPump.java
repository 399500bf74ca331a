package app.realmoments.runtime.events;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping: receives up to BatchSize messages, invokes the function with an
 * SQSEvent, and deletes what succeeded. With ReportBatchItemFailures the messages named in
 * batchItemFailures stay; when the function throws, every message stays. Messages that stay come
 * back after the queue's visibility timeout, and the queue's redrive policy (moto honours
 * maxReceiveCount) moves them to the dead-letter queue in the end.
 */
public final class SqsPump extends Pump {

    private final Aws aws;
    private final LocalFunction function;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final boolean reportFailures;

    public SqsPump(Aws aws, LocalFunction function, String queueUrl, String queueArn, int batchSize,
                   boolean reportFailures) {
        super(function.spec().logicalId() + "<-sqs");
        this.aws = aws;
        this.function = function;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.batchSize = Math.max(1, Math.min(10, batchSize));
        this.reportFailures = reportFailures;
    }

    @Override
    protected boolean poll() {
        if (!function.jarExists()) {
            return false; // not built yet: events wait where they are (in the queue, the stream) until it is
        }
        List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl)
                .maxNumberOfMessages(batchSize).waitTimeSeconds(1)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")).messages();
        if (messages.isEmpty() || !running()) {
            return false;
        }
        Invocation invocation = function.invoke(EventJson.sqsEvent(messages, queueArn, aws.region()).toString());
        if (invocation.failed()) {
            RuntimeLog.warn(name() + ": the function failed on " + messages.size()
                    + " message(s); they return after the queue's visibility timeout");
            return true;
        }
        Set<String> failed = reportFailures ? failures(invocation.response(), messages) : Set.of();
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(done.size()))
                        .receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            aws.sqs().deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        }
        if (!failed.isEmpty()) {
            RuntimeLog.info(name() + ": " + failed.size() + " of " + messages.size()
                    + " message(s) reported failed; they return after the visibility timeout");
        }
        return true;
    }

    /**
     * The ids in batchItemFailures. As in Lambda, an answer naming an id that is not in the batch (or
     * an empty id) fails the whole batch.
     */
    private Set<String> failures(String response, List<Message> batch) {
        Set<String> all = new HashSet<>();
        batch.forEach(m -> all.add(m.messageId()));
        JsonNode node;
        try {
            node = EventJson.JSON.readTree(response);
        } catch (Exception e) {
            return Set.of();
        }
        JsonNode failures = node == null ? null : node.get("batchItemFailures");
        if (failures == null || failures.isNull()) {
            return Set.of();
        }
        Set<String> failed = new HashSet<>();
        for (JsonNode failure : failures) {
            String id = failure.path("itemIdentifier").asText("");
            if (id.isEmpty() || !all.contains(id)) {
                RuntimeLog.warn(name() + ": batchItemFailures names " + (id.isEmpty() ? "an empty id" : id)
                        + ", not in the batch: the whole batch counts as failed");
                return all;
            }
            failed.add(id);
        }
        return failed;
    }
}
