package app.realmoments.events;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One record of a DynamoDB stream event ({@code {"Records": [{"eventName": "MODIFY", "dynamodb":
 * {"Keys", "NewImage", "OldImage", "SequenceNumber", ...}}]}}), its images as the SDK's attribute values.
 *
 * @param eventName      INSERT, MODIFY or REMOVE
 * @param sequenceNumber the record's position in its shard: what a batch item failure names
 * @param keys           the item's key attributes
 * @param oldImage       the item before the change; null when the record has none (INSERT)
 * @param newImage       the item after it; null when the record has none (REMOVE)
 */
public record StreamRecord(String eventName, String sequenceNumber, Map<String, AttributeValue> keys,
                           Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {

    /** The records of the event Lambda's stream event source mapping sends, in order. */
    public static List<StreamRecord> readAll(InputStream event) throws IOException {
        return EventParser.records(event, "a DynamoDB stream event", StreamRecord::read);
    }

    private static StreamRecord read(JsonParser in, String what) throws IOException {
        var record = new Object() {
            String eventName;
            String sequenceNumber;
            Map<String, AttributeValue> keys;
            Map<String, AttributeValue> oldImage;
            Map<String, AttributeValue> newImage;
        };
        String dynamodb = what + ".dynamodb";
        EventParser.object(in, what, (name, value) -> {
            switch (name) {
                case "eventName" -> record.eventName = EventParser.string(value, what + ".eventName");
                case "dynamodb" -> EventParser.object(value, dynamodb, (field, change) -> {
                    switch (field) {
                        case "SequenceNumber" -> record.sequenceNumber = EventParser.string(change, dynamodb + ".SequenceNumber");
                        case "Keys" -> record.keys = DynamoJson.item(change, dynamodb + ".Keys");
                        case "OldImage" -> record.oldImage = DynamoJson.item(change, dynamodb + ".OldImage");
                        case "NewImage" -> record.newImage = DynamoJson.item(change, dynamodb + ".NewImage");
                        default -> { }
                    }
                });
                default -> { }
            }
        });
        return new StreamRecord(record.eventName, EventParser.required(record.sequenceNumber, dynamodb + ".SequenceNumber"),
                record.keys, record.oldImage, record.newImage);
    }
}
