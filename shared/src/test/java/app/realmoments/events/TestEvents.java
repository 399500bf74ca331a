package app.realmoments.events;

import app.realmoments.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Handler tests through the path Lambda runs: an event's JSON text (an events/ file as it is, or a batch
 * made of its records) goes into a stream handler as bytes, and its answer comes back as text.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** Runs {@code handler} on the event as Lambda would and returns what it wrote. */
    public static String invoke(RequestStreamHandler handler, String event, Context context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, context);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The records of a batch event, each as its JSON object (a map), every field kept. */
    @SuppressWarnings("unchecked")
    public static List<Object> records(String event) {
        Map<String, Object> tree = (Map<String, Object>) Json.read(event, Object.class);
        return new ArrayList<>((List<Object>) tree.get("Records"));
    }

    /** A batch event of these records: {@code {"Records": [...]}}. */
    public static String batch(List<?> records) {
        return Json.write(Map.of("Records", records));
    }

    /** An SQS record with this id and body, as Lambda's SQS poller sends one (less its receipt handle). */
    public static Map<String, Object> sqsRecord(String messageId, String body) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("messageId", messageId);
        record.put("body", body);
        record.put("attributes", Map.of("ApproximateReceiveCount", "1"));
        record.put("messageAttributes", Map.of());
        record.put("eventSource", "aws:sqs");
        return record;
    }

    /** The itemIdentifiers of a partial batch response, in order. */
    @SuppressWarnings("unchecked")
    public static List<String> failures(String response) {
        Map<String, Object> tree = (Map<String, Object>) Json.read(response, Object.class);
        List<Object> failures = (List<Object>) tree.get("batchItemFailures");
        return failures.stream().map(f -> (String) ((Map<String, Object>) f).get("itemIdentifier")).toList();
    }
}
