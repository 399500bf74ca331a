package app.realmoments.runtime.events;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What Lambda does with events a function failed for good, when an OnFailure destination is named:
 * it sends the destination a record of them. For an asynchronous invocation (EventInvokeConfig) the
 * record holds the event as {@code requestPayload} and the last error as {@code responsePayload}; for
 * a stream event source mapping (its DestinationConfig) it names the skipped records' shard and
 * sequence range. Locally the destination is a queue of the emulator (EventSources resolves it when it
 * sets up the pump); other destination types are reported then and the events dropped.
 */
final class AsyncFailures {

    private AsyncFailures() {
    }

    /** Sends the record of an asynchronous invocation to {@code queueUrl}, or says why the event is dropped. */
    static void report(Aws aws, LocalFunction function, String queueUrl, String event, Invocation last, int attempts,
                       String what) {
        send(aws, function, queueUrl, attempts, what, () -> record(function, event, last, attempts));
    }

    /** A record, built only if it can be sent. */
    @FunctionalInterface
    interface Record {
        ObjectNode build() throws JsonProcessingException;
    }

    /**
     * Sends a failure record to the OnFailure queue ({@code queueUrl}, resolved once when the pump was
     * set up; null: none, or not an SQS one, and the events are dropped), or says why not.
     */
    static void send(Aws aws, LocalFunction function, String queueUrl, int attempts, String what, Record record) {
        String name = function.spec().logicalId();
        if (queueUrl == null) {
            RuntimeLog.warn(name + ": dropped " + what + " after " + attempts + " attempts (no SQS OnFailure destination)");
            return;
        }
        try {
            String body = record.build().toString();
            aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
            RuntimeLog.warn(name + ": " + what + " failed " + attempts + " attempts; its record went to " + queueUrl);
        } catch (RuntimeException | JsonProcessingException e) {
            RuntimeLog.error(name + ": dropped " + what + ": cannot send it to " + queueUrl, e);
        }
    }

    /** Lambda's invocation record for an asynchronous invocation whose retries ran out. */
    static ObjectNode record(LocalFunction function, String event, Invocation last, int attempts)
            throws JsonProcessingException {
        ObjectNode record = header(function, last, "RetriesExhausted", attempts);
        record.set("requestPayload", EventJson.JSON.readTree(event));
        JsonNode payload = EventJson.JSON.readTree(last.response());
        record.set("responsePayload", payload);
        return record;
    }

    /** Lambda's record of stream records skipped after the mapping's retries ran out. */
    static ObjectNode streamRecord(LocalFunction function, Invocation last, int attempts, String streamArn, String shardId,
                                   String firstSequence, String lastSequence, int count) {
        ObjectNode record = header(function, last, "RetryAttemptsExhausted", attempts);
        ObjectNode batch = record.putObject("DDBStreamBatchInfo");
        batch.put("shardId", shardId);
        batch.put("startSequenceNumber", firstSequence);
        batch.put("endSequenceNumber", lastSequence);
        batch.put("batchSize", count);
        batch.put("streamArn", streamArn);
        return record;
    }

    private static ObjectNode header(LocalFunction function, Invocation last, String condition, int attempts) {
        ObjectNode record = EventJson.JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", last.requestId());
        request.put("functionArn", function.arn() + ":$LATEST");
        request.put("condition", condition);
        request.put("approximateInvokeCount", attempts);
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", last.failed() ? "Unhandled" : null);
        return record;
    }
}
