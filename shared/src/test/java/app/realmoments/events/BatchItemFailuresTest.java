package app.realmoments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.testing.Events;
import app.realmoments.testing.JsonTrees;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {

    private static String write(List<String> ids) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchItemFailures.write(ids, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theResponseIsWhatLambdasSerializerWritesForBothResponseTypes() throws IOException {
        List<String> ids = List.of("36fac437-77be-445c-b7a9-e7da8fddbce1", "with \"quotes\" \u00e9");
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"36fac437-77be-445c-b7a9-e7da8fddbce1\"},"
                + "{\"itemIdentifier\":\"with \\\"quotes\\\" \u00e9\"}]}", write(ids));
        assertEquals(JsonTrees.tree(Events.toJson(new SQSBatchResponse(ids.stream().map(SQSBatchResponse.BatchItemFailure::new).toList()))),
                JsonTrees.tree(write(ids)));
        assertEquals(JsonTrees.tree(Events.toJson(new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("1873690501366859395592107"))))),
                JsonTrees.tree(write(List.of("1873690501366859395592107"))));
    }

    @Test
    void noFailuresIsAnEmptyList() throws IOException {
        assertEquals("{\"batchItemFailures\":[]}", write(List.of()));
        assertEquals(JsonTrees.tree(Events.toJson(new SQSBatchResponse(List.of()))), JsonTrees.tree(write(List.of())));
    }
}
