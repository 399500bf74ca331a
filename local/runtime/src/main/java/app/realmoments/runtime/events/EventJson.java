package app.realmoments.runtime.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The event JSON Lambda's event source mappings and S3 hand to a function, built from what the emulator returns. */
public final class EventJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    // ------------------------------------------------------------------ SQS

    /** An SQSEvent: {@code {"Records": [{messageId, receiptHandle, body, attributes, ...}]}}. */
    public static ObjectNode sqsEvent(List<Message> messages, String queueArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.messageId());
            record.put("receiptHandle", message.receiptHandle());
            record.put("body", message.body());
            ObjectNode attributes = record.putObject("attributes");
            message.attributesAsStrings().forEach(attributes::put);
            ObjectNode messageAttributes = record.putObject("messageAttributes");
            message.messageAttributes().forEach((name, value) -> messageAttributes.set(name, messageAttribute(value)));
            record.put("md5OfBody", message.md5OfBody());
            if (message.md5OfMessageAttributes() != null) {
                record.put("md5OfMessageAttributes", message.md5OfMessageAttributes());
            }
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", region);
        }
        return event;
    }

    private static ObjectNode messageAttribute(MessageAttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        if (value.stringValue() != null) {
            node.put("stringValue", value.stringValue());
        }
        if (value.binaryValue() != null) {
            node.put("binaryValue", Base64.getEncoder().encodeToString(value.binaryValue().asByteArray()));
        }
        ArrayNode strings = node.putArray("stringListValues");
        value.stringListValues().forEach(strings::add);
        ArrayNode binaries = node.putArray("binaryListValues");
        value.binaryListValues().forEach(b -> binaries.add(Base64.getEncoder().encodeToString(b.asByteArray())));
        node.put("dataType", value.dataType());
        return node;
    }

    // ------------------------------------------------------------------ DynamoDB streams

    /** A DynamodbEvent: {@code {"Records": [...]}} with images in DynamoDB JSON. */
    public static ObjectNode dynamodbEvent(List<Record> records, String streamArn, String region) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (Record record : records) {
            array.add(dynamodbRecord(record, streamArn, region));
        }
        return event;
    }

    static ObjectNode dynamodbRecord(Record record, String streamArn, String region) {
        ObjectNode node = JSON.createObjectNode();
        node.put("eventID", record.eventID() == null ? UUID.randomUUID().toString().replace("-", "") : record.eventID());
        node.put("eventName", record.eventNameAsString());
        node.put("eventVersion", "1.1");
        node.put("eventSource", "aws:dynamodb");
        node.put("awsRegion", region);
        StreamRecord stream = record.dynamodb();
        ObjectNode dynamodb = node.putObject("dynamodb");
        Instant created = stream.approximateCreationDateTime() == null ? Instant.now() : stream.approximateCreationDateTime();
        dynamodb.put("ApproximateCreationDateTime", created.getEpochSecond());
        dynamodb.set("Keys", image(stream.keys()));
        if (stream.hasNewImage()) {
            dynamodb.set("NewImage", image(stream.newImage()));
        }
        if (stream.hasOldImage()) {
            dynamodb.set("OldImage", image(stream.oldImage()));
        }
        dynamodb.put("SequenceNumber", stream.sequenceNumber());
        dynamodb.put("SizeBytes", stream.sizeBytes() == null ? 0 : stream.sizeBytes());
        dynamodb.put("StreamViewType", stream.streamViewTypeAsString());
        Identity identity = record.userIdentity();
        if (identity != null) {
            ObjectNode user = node.putObject("userIdentity");
            user.put("type", identity.type());
            user.put("principalId", identity.principalId());
        }
        node.put("eventSourceARN", streamArn);
        return node;
    }

    public static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode node = JSON.createObjectNode();
        item.forEach((name, value) -> node.set(name, attribute(value)));
        return node;
    }

    /** One attribute in DynamoDB JSON ({"S": "x"}, {"N": "1"}, {"M": {...}} ...). */
    public static ObjectNode attribute(AttributeValue value) {
        ObjectNode node = JSON.createObjectNode();
        switch (value.type()) {
            case S -> node.put("S", value.s());
            case N -> node.put("N", value.n());
            case B -> node.put("B", base64(value.b()));
            case SS -> value.ss().forEach(node.putArray("SS")::add);
            case NS -> value.ns().forEach(node.putArray("NS")::add);
            case BS -> {
                ArrayNode array = node.putArray("BS");
                value.bs().forEach(b -> array.add(base64(b)));
            }
            case M -> node.set("M", image(value.m()));
            case L -> {
                ArrayNode array = node.putArray("L");
                value.l().forEach(item -> array.add(attribute(item)));
            }
            case BOOL -> node.put("BOOL", value.bool());
            case NUL -> node.put("NULL", true);
            default -> throw new IllegalArgumentException("unknown attribute type in " + value);
        }
        return node;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }

    // ------------------------------------------------------------------ S3

    /** Whether an S3 notification message is the s3:TestEvent S3 sends when notifications are set up. */
    public static boolean isS3TestEvent(JsonNode message) {
        return message.has("Event") && "s3:TestEvent".equals(message.path("Event").asText());
    }

    /**
     * An S3Event from the notification S3 (moto) put in the queue, completed with the fields AWS sends
     * and moto leaves out (userIdentity, requestParameters, responseElements, the object's sequencer,
     * the bucket's ownerIdentity).
     */
    public static ObjectNode s3Event(JsonNode message, String accountId) {
        ObjectNode event = message.deepCopy();
        for (JsonNode item : event.path("Records")) {
            ObjectNode record = (ObjectNode) item;
            if (!record.has("userIdentity")) {
                record.putObject("userIdentity").put("principalId", "AWS:" + accountId);
            }
            if (!record.has("requestParameters")) {
                record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
            }
            if (!record.has("responseElements")) {
                ObjectNode response = record.putObject("responseElements");
                response.put("x-amz-request-id", hex(8).toUpperCase());
                response.put("x-amz-id-2", Base64.getEncoder().encodeToString(hex(24).getBytes()));
            }
            ObjectNode s3 = record.withObjectProperty("s3");
            ObjectNode bucket = s3.withObjectProperty("bucket");
            if (!bucket.has("ownerIdentity")) {
                bucket.putObject("ownerIdentity").put("principalId", accountId);
            }
            ObjectNode object = s3.withObjectProperty("object");
            if (object.path("key").isTextual()) {
                object.put("key", awsKeyEncoding(object.path("key").asText()));
            }
            if (!object.has("sequencer")) {
                object.put("sequencer", String.format("%016X", System.nanoTime()));
            }
        }
        return event;
    }

    /**
     * S3 events carry the key URL-encoded with spaces as '+' but slashes as they are
     * ("uploads/a+b.jpg"); moto encodes the slashes too ("uploads%2Fa+b.jpg"). Re-encoded the AWS way.
     */
    static String awsKeyEncoding(String key) {
        String decoded;
        try {
            decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            decoded = key;
        }
        return URLEncoder.encode(decoded, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new java.util.Random().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    // ------------------------------------------------------------------ schedules

    /** The EventBridge "Scheduled Event" a Schedule / ScheduleV2 event delivers (when it gives no Input). */
    public static ObjectNode scheduledEvent(String ruleArn, String accountId, String region, Instant time) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        event.put("region", region);
        event.putArray("resources").add(ruleArn);
        event.putObject("detail");
        return event;
    }
}
