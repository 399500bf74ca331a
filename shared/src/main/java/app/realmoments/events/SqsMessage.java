package app.realmoments.events;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One message of an SQS event ({@code {"Records": [{"messageId", "body", "attributes", ...}]}}): what the
 * dispatcher reads of it.
 *
 * @param messageId what a batch item failure names
 * @param body      the message as sent; null only if the event says so
 */
public record SqsMessage(String messageId, String body) {

    /** The messages of the event Lambda's SQS event source mapping sends, in order. */
    public static List<SqsMessage> readAll(InputStream event) throws IOException {
        return EventParser.records(event, "an SQS event", SqsMessage::read);
    }

    private static SqsMessage read(JsonParser in, String what) throws IOException {
        var message = new Object() {
            String messageId;
            String body;
        };
        EventParser.object(in, what, (name, value) -> {
            switch (name) {
                case "messageId" -> message.messageId = EventParser.string(value, what + ".messageId");
                case "body" -> message.body = EventParser.string(value, what + ".body");
                default -> { }
            }
        });
        return new SqsMessage(EventParser.required(message.messageId, what + ".messageId"), message.body);
    }
}
