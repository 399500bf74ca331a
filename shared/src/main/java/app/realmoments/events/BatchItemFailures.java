package app.realmoments.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The partial batch response of the SQS and stream event sources (FunctionResponseTypes:
 * ReportBatchItemFailures): {@code {"batchItemFailures":[{"itemIdentifier":"..."}]}}, the JSON Lambda's
 * serializer writes for {@code SQSBatchResponse} and {@code StreamsEventResponse}. An empty list means
 * the whole batch succeeded.
 */
public final class BatchItemFailures {

    private BatchItemFailures() {
    }

    /** Writes the response naming {@code itemIdentifiers} (message ids, or a sequence number) and closes {@code output}. */
    public static void write(List<String> itemIdentifiers, OutputStream output) throws IOException {
        try (JsonGenerator out = EventParser.JSON.createGenerator(output)) {
            out.writeStartObject();
            out.writeArrayFieldStart("batchItemFailures");
            for (String identifier : itemIdentifiers) {
                out.writeStartObject();
                out.writeStringField("itemIdentifier", identifier);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }
}
