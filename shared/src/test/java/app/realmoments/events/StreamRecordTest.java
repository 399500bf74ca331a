package app.realmoments.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.json.Json;
import app.realmoments.testing.Events;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamRecordTest {

    private static List<StreamRecord> read(String json) throws IOException {
        return StreamRecord.readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** One MODIFY record whose NewImage has one attribute {@code x} with this DynamoDB JSON value. */
    private static String withValue(String value) {
        return """
                {"Records": [{"eventName": "MODIFY", "dynamodb": {"SequenceNumber": "7", "NewImage": {"x": %s}}}]}
                """.formatted(value);
    }

    @Test
    void everyDynamoDbTypeBecomesTheSdksAttributeValue() throws IOException {
        byte[] binary = {0, 1, 2, (byte) 0xff};
        String base64 = Base64.getEncoder().encodeToString(binary);
        String json = """
                {"Records": [{"eventName": "INSERT", "dynamodb": {"SequenceNumber": "100", "Keys": {"id": {"S": "k"}},
                  "NewImage": {
                    "s": {"S": "text with \\"quotes\\" and é"}, "n": {"N": "-12.50"}, "b": {"B": "%1$s"},
                    "ss": {"SS": ["a", "b"]}, "ns": {"NS": ["1", "2.5"]}, "bs": {"BS": ["%1$s", ""]},
                    "m": {"M": {"inner": {"M": {"deep": {"BOOL": true}}}, "empty": {"M": {}}}},
                    "l": {"L": [{"S": "one"}, {"N": "2"}, {"L": []}, {"NULL": true}]},
                    "nul": {"NULL": true}, "yes": {"BOOL": true}, "no": {"BOOL": false}
                  }}}]}
                """.formatted(base64);

        StreamRecord record = read(json).getFirst();

        Map<String, AttributeValue> expected = new LinkedHashMap<>();
        expected.put("s", AttributeValue.fromS("text with \"quotes\" and é"));
        expected.put("n", AttributeValue.fromN("-12.50"));
        expected.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(binary)));
        expected.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        expected.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        expected.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(binary), SdkBytes.fromByteArray(new byte[0]))));
        expected.put("m", AttributeValue.fromM(Map.of(
                "inner", AttributeValue.fromM(Map.of("deep", AttributeValue.fromBool(true))),
                "empty", AttributeValue.fromM(Map.of()))));
        expected.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("one"), AttributeValue.fromN("2"),
                AttributeValue.fromL(List.of()), AttributeValue.fromNul(true))));
        expected.put("nul", AttributeValue.fromNul(true));
        expected.put("yes", AttributeValue.fromBool(true));
        expected.put("no", AttributeValue.fromBool(false));
        assertEquals(expected, record.newImage());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(record.newImage().keySet()), "in the event's order");
        assertArrayEquals(binary, record.newImage().get("b").b().asByteArray());
        assertEquals(AttributeValue.Type.BS, record.newImage().get("bs").type());
        assertEquals(Map.of("id", AttributeValue.fromS("k")), record.keys());
        assertEquals("INSERT", record.eventName());
        assertEquals("100", record.sequenceNumber());
        assertNull(record.oldImage(), "an INSERT has no old image");
    }

    @Test
    void theCommittedStreamEventsReadLosslesslyAndAgreeWithLambdasOwnReading() throws IOException {
        for (String file : List.of("moment-published-stream.json", "moment-removed-stream.json")) {
            String json = Events.read(file);
            DynamodbEvent lambda = Events.load(file, DynamodbEvent.class);
            List<StreamRecord> records = read(json);
            List<Object> raw = TestEvents.records(json);
            assertEquals(lambda.getRecords().size(), records.size(), file);
            for (int i = 0; i < records.size(); i++) {
                StreamRecord record = records.get(i);
                DynamodbEvent.DynamodbStreamRecord expected = lambda.getRecords().get(i);
                assertEquals(expected.getEventName(), record.eventName(), file);
                assertEquals(expected.getDynamodb().getSequenceNumber(), record.sequenceNumber(), file);
                Map<?, ?> change = (Map<?, ?>) ((Map<?, ?>) raw.get(i)).get("dynamodb");
                assertEquals(change.get("Keys"), dynamoJson(record.keys()), file);
                assertEquals(change.get("OldImage"), dynamoJson(record.oldImage()), file);
                assertEquals(change.get("NewImage"), dynamoJson(record.newImage()), file);
            }
        }
        assertNull(read(Events.read("moment-removed-stream.json")).getFirst().newImage(), "a REMOVE has no new image");
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkipped() throws IOException {
        String json = """
                {"extra": {"Records": "not these"}, "Records": [{"eventID": "e1", "userIdentity": {"type": "Service",
                  "principalId": "dynamodb.amazonaws.com"}, "eventName": "REMOVE", "future": [1, {"a": [true, null]}],
                  "dynamodb": {"ApproximateCreationDateTime": 1795976402, "SizeBytes": 3, "SequenceNumber": "9",
                  "Keys": {"id": {"S": "k"}}, "StreamViewType": "NEW_AND_OLD_IMAGES", "more": {"x": [{}]}}}],
                 "trailingField": [[[]]]}
                """;
        StreamRecord record = read(json).getFirst();
        assertEquals(new StreamRecord("REMOVE", "9", Map.of("id", AttributeValue.fromS("k")), null, null), record);
        assertEquals(List.of(), read("{\"Records\": []}"), "an empty batch is a batch");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "empty input                | ``                                          | empty",
            "not JSON                   | `Records:`                                  | not valid JSON",
            "truncated                  | `{\"Records\": [`                           | not valid JSON",
            "an array                   | `[]`                                        | the event: expected an object, found an array",
            "no Records                 | `{\"records\": []}`                         | no Records",
            "null                       | `null`                                      | no Records",
            "Records not an array       | `{\"Records\": {}}`                         | Records: expected an array, found an object",
            "a record not an object     | `{\"Records\": [\"x\"]}`                    | Records[0]: expected an object, found a string",
            "no sequence number         | `{\"Records\": [{\"dynamodb\": {}}]}`       | Records[0].dynamodb.SequenceNumber is missing",
            "no dynamodb at all         | `{\"Records\": [{\"eventName\": \"X\"}]}`   | Records[0].dynamodb.SequenceNumber is missing",
            "more after the end         | `{\"Records\": []} {}`                      | more after its end",
    })
    void aMalformedEventFailsLoudly(String name, String json, String message) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> read(json == null ? "" : json));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "no type                    | `{}`                                        | x: expected an attribute value",
            "not an object              | `\"text\"`                                  | x: expected an attribute value",
            "two types                  | `{\"S\": \"a\", \"N\": \"1\"}`              | x: an attribute value has one type",
            "an unknown type            | `{\"X\": \"a\"}`                            | x: X is not a DynamoDB type",
            "a lower-case type          | `{\"s\": \"a\"}`                            | x: s is not a DynamoDB type",
            "S a number                 | `{\"S\": 5}`                                | x.S: expected a string, found a number",
            "N a number                 | `{\"N\": 5}`                                | x.N: expected a string, found a number",
            "S null                     | `{\"S\": null}`                             | x.S is missing",
            "B not base64               | `{\"B\": \"not base64!\"}`                  | x.B: not base64",
            "BS element not base64      | `{\"BS\": [\"AA==\", \"%%%\"]}`             | x.BS[1]: not base64",
            "SS not an array            | `{\"SS\": \"a\"}`                           | x.SS: expected an array, found a string",
            "SS with a null             | `{\"SS\": [\"a\", null]}`                   | x.SS[1] is missing",
            "NULL a string              | `{\"NULL\": \"true\"}`                      | x.NULL: expected true or false, found a string",
            "BOOL a number              | `{\"BOOL\": 1}`                             | x.BOOL: expected true or false, found a number",
            "M null                     | `{\"M\": null}`                             | x.M is missing",
            "M of a bad value           | `{\"M\": {\"y\": {\"Q\": 1}}}`              | x.M.y: Q is not a DynamoDB type",
            "L of a bad element         | `{\"L\": [{\"S\": \"a\"}, {}]}`             | x.L[1]: expected an attribute value",
    })
    void aMalformedAttributeValueFailsTheWholeEventNamingItsPlace(String name, String value, String message) {
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> read(withValue(value)));
        assertTrue(e.getMessage().contains("Records[0].dynamodb.NewImage." + message), e.getMessage());
    }

    /** An item back in DynamoDB JSON, as plain maps and lists, to compare with the event's own JSON. */
    private static Map<String, Object> dynamoJson(Map<String, AttributeValue> item) {
        if (item == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, dynamoJson(value)));
        return out;
    }

    private static Map<String, Object> dynamoJson(AttributeValue value) {
        Base64.Encoder base64 = Base64.getEncoder();
        Object json = switch (value.type()) {
            case S -> value.s();
            case N -> value.n();
            case B -> base64.encodeToString(value.b().asByteArray());
            case SS -> value.ss();
            case NS -> value.ns();
            case BS -> value.bs().stream().map(b -> base64.encodeToString(b.asByteArray())).toList();
            case M -> dynamoJson(value.m());
            case L -> value.l().stream().map(StreamRecordTest::dynamoJson).toList();
            case BOOL -> value.bool();
            case NUL -> value.nul();
            case UNKNOWN_TO_SDK_VERSION -> throw new AssertionError(value);
        };
        String type = value.type() == AttributeValue.Type.NUL ? "NULL" : value.type().name();
        // through JSON text, so the numbers and lists compare as the event's own tree has them
        return Map.of(type, Json.read(Json.write(json), Object.class));
    }
}
