package app.realmoments.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB JSON, as a stream record's Keys, NewImage and OldImage carry it, read into the SDK's
 * attribute values, the type the stores read items as: {@code {"S": "x"}}, {@code {"N": "12.5"}},
 * {@code {"B": "<base64>"}}, {@code {"SS": [...]}}, {@code {"NS": [...]}}, {@code {"BS": [<base64>...]}},
 * {@code {"M": {...}}}, {@code {"L": [...]}}, {@code {"NULL": true}}, {@code {"BOOL": false}}.
 * A value of no type, of two, or of a type DynamoDB does not have is malformed, never guessed at.
 */
final class DynamoJson {

    private DynamoJson() {
    }

    /** An item (attribute name to value), or null for JSON null. */
    static Map<String, AttributeValue> item(JsonParser in, String what) throws IOException {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        boolean present = EventParser.object(in, what, (name, value) -> item.put(name, value(value, what + "." + name)));
        return present ? item : null;
    }

    static AttributeValue value(JsonParser in, String what) throws IOException {
        if (in.currentToken() != JsonToken.START_OBJECT || in.nextToken() != JsonToken.FIELD_NAME) {
            throw new MalformedEventException(what + ": expected an attribute value such as {\"S\": \"text\"}");
        }
        String type = in.currentName();
        in.nextToken();
        String typed = what + "." + type;
        AttributeValue value = switch (type) {
            case "S" -> AttributeValue.fromS(EventParser.text(in, typed));
            case "N" -> AttributeValue.fromN(EventParser.text(in, typed));
            case "B" -> AttributeValue.fromB(bytes(in, typed));
            case "SS" -> AttributeValue.fromSs(EventParser.array(in, typed, EventParser::text));
            case "NS" -> AttributeValue.fromNs(EventParser.array(in, typed, EventParser::text));
            case "BS" -> AttributeValue.fromBs(EventParser.array(in, typed, DynamoJson::bytes));
            case "M" -> AttributeValue.fromM(EventParser.required(item(in, typed), typed));
            case "L" -> AttributeValue.fromL(EventParser.array(in, typed, DynamoJson::value));
            case "NULL" -> AttributeValue.fromNul(EventParser.bool(in, typed));
            case "BOOL" -> AttributeValue.fromBool(EventParser.bool(in, typed));
            default -> throw new MalformedEventException(what + ": " + type + " is not a DynamoDB type");
        };
        if (in.nextToken() != JsonToken.END_OBJECT) {
            throw new MalformedEventException(what + ": an attribute value has one type, this has more");
        }
        return value;
    }

    /** B and BS elements: base64, as DynamoDB JSON carries binary. */
    private static SdkBytes bytes(JsonParser in, String what) throws IOException {
        String base64 = EventParser.text(in, what);
        try {
            return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(what + ": not base64", e);
        }
    }
}
