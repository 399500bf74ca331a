package app.realmoments.runtime.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.runtime.gateway.HttpEvents;
import app.realmoments.runtime.gateway.JwtVerifier;
import app.realmoments.runtime.gateway.Route;
import app.realmoments.runtime.gateway.RouteTable;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The event JSON the runtime builds, read back into the aws-lambda-java-events types with the Lambda
 * runtime's own serializer, as a function would receive it.
 */
class EventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static <T> T asLambdaEvent(String json, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.isLambdaSupportedEvent(type.getName())
                ? LambdaEventSerializers.serializerFor(type, EventJsonTest.class.getClassLoader())
                : JacksonFactory.getInstance().getSerializer(type);
        return serializer.fromJson(json);
    }

    // ------------------------------------------------------------------ HTTP API 2.0

    private static HttpEvents.Request request(String method, String path, String query, Map<String, List<String>> headers,
                                              byte[] body) {
        return new HttpEvents.Request(method, path, query, headers, body, "127.0.0.1", "HTTP/1.1");
    }

    @Test
    void anHttpRequestBecomesAPayload2Event() throws Exception {
        RouteTable routes = new RouteTable(List.of(new Route("GET", "/moments/{momentId}", "Fn", "api/jwt", List.of())));
        RouteTable.Match match = routes.match("GET", "/moments/01ABC").orElseThrow();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Host", List.of("127.0.0.1:3000"));
        headers.put("User-Agent", List.of("test-agent/1.0"));
        headers.put("Accept", List.of("application/json", "text/plain"));
        headers.put("Cookie", List.of("a=1; b=2"));
        headers.put("Content-Type", List.of("application/json"));
        Map<String, JsonNode> claims = new LinkedHashMap<>();
        JSON.readTree("{\"sub\":\"u-1\",\"exp\":1800000000,\"email_verified\":true,\"cognito:groups\":[\"x\",\"y\"]}")
                .properties().forEach(e -> claims.put(e.getKey(), e.getValue()));
        Instant time = Instant.parse("2026-11-29T12:00:00.123Z");
        String json = HttpEvents.request(request("GET", "/moments/01ABC", "limit=5&tag=a&tag=b&flag&q=caf%C3%A9+x",
                        headers, "{\"x\":1}".getBytes(StandardCharsets.UTF_8)), match,
                new JwtVerifier.Verified(claims, List.of()),
                new HttpEvents.Gateway("123456789012", "abcdef1234", "req-1", time)).toString();

        APIGatewayV2HTTPEvent event = asLambdaEvent(json, APIGatewayV2HTTPEvent.class);
        assertEquals("2.0", event.getVersion());
        assertEquals("GET /moments/{momentId}", event.getRouteKey());
        assertEquals("/moments/01ABC", event.getRawPath());
        assertEquals("limit=5&tag=a&tag=b&flag&q=caf%C3%A9+x", event.getRawQueryString());
        assertEquals(List.of("a=1", "b=2"), event.getCookies());
        assertEquals("application/json,text/plain", event.getHeaders().get("accept"));
        assertEquals("test-agent/1.0", event.getHeaders().get("user-agent"));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertFalse(event.getHeaders().containsKey("Accept"));
        assertEquals(Map.of("limit", "5", "tag", "a,b", "flag", "", "q", "café x"), event.getQueryStringParameters());
        assertEquals(Map.of("momentId", "01ABC"), event.getPathParameters());
        assertEquals("{\"x\":1}", event.getBody());
        assertFalse(event.getIsBase64Encoded());
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        assertEquals("123456789012", context.getAccountId());
        assertEquals("abcdef1234", context.getApiId());
        assertEquals("127.0.0.1", context.getDomainName());
        assertEquals("req-1", context.getRequestId());
        assertEquals("GET /moments/{momentId}", context.getRouteKey());
        assertEquals("$default", context.getStage());
        assertEquals("29/Nov/2026:12:00:00 +0000", context.getTime());
        assertEquals(time.toEpochMilli(), context.getTimeEpoch());
        assertEquals("GET", context.getHttp().getMethod());
        assertEquals("/moments/01ABC", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("test-agent/1.0", context.getHttp().getUserAgent());
        Map<String, String> jwt = context.getAuthorizer().getJwt().getClaims();
        assertEquals(Map.of("sub", "u-1", "exp", "1800000000", "email_verified", "true", "cognito:groups", "[x y]"), jwt);
    }

    @Test
    void binaryBodiesAreBase64AndAbsentPartsAreLeftOut() {
        RouteTable.Match match = new RouteTable(List.of(new Route("POST", "/upload", "Fn", null, List.of())))
                .match("POST", "/upload").orElseThrow();
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, 0, 1, 2};
        String json = HttpEvents.request(request("POST", "/upload", null, Map.of("content-type", List.of("image/jpeg")), bytes),
                match, null, new HttpEvents.Gateway("1", "api", "r", Instant.now())).toString();
        APIGatewayV2HTTPEvent event = asLambdaEvent(json, APIGatewayV2HTTPEvent.class);
        assertTrue(event.getIsBase64Encoded());
        assertArrayEquals(bytes, Base64.getDecoder().decode(event.getBody()));
        assertEquals("", event.getRawQueryString());
        assertNull(event.getQueryStringParameters());
        assertNull(event.getPathParameters());
        assertNull(event.getCookies());
        assertNull(event.getRequestContext().getAuthorizer());

        String empty = HttpEvents.request(request("GET", "/upload", "", Map.of(), new byte[0]), match, null,
                new HttpEvents.Gateway("1", "api", "r", Instant.now())).toString();
        assertNull(asLambdaEvent(empty, APIGatewayV2HTTPEvent.class).getBody());
    }

    @Test
    void theFunctionsAnswerMapsToHttpLikeApiGatewayDoes() throws Exception {
        HttpEvents.Response full = HttpEvents.response("""
                {"statusCode": 201, "headers": {"Content-Type": "application/json", "X-Count": 3},
                 "cookies": ["a=1", "b=2; Path=/"], "body": "{\\"ok\\":true}", "isBase64Encoded": false}""");
        assertEquals(201, full.status());
        assertTrue(full.headers().contains(Map.entry("content-type", "application/json")));
        assertTrue(full.headers().contains(Map.entry("x-count", "3")));
        assertTrue(full.headers().contains(Map.entry("set-cookie", "a=1")));
        assertTrue(full.headers().contains(Map.entry("set-cookie", "b=2; Path=/")));
        assertEquals("{\"ok\":true}", new String(full.body(), StandardCharsets.UTF_8));

        HttpEvents.Response binary = HttpEvents.response("{\"statusCode\":200,\"body\":\"AAEC\",\"isBase64Encoded\":true}");
        assertArrayEquals(new byte[] {0, 1, 2}, binary.body());

        HttpEvents.Response inferred = HttpEvents.response("{\"status\":\"ok\"}");
        assertEquals(200, inferred.status());
        assertEquals("{\"status\":\"ok\"}", new String(inferred.body(), StandardCharsets.UTF_8));
        assertTrue(inferred.headers().contains(Map.entry("content-type", "application/json")));
        assertEquals("hello", new String(HttpEvents.response("\"hello\"").body(), StandardCharsets.UTF_8));
        assertEquals(204, HttpEvents.response("{\"statusCode\":204}").status());

        for (String malformed : List.of("not json", "{\"statusCode\":\"abc\"}", "{\"statusCode\":99}",
                "{\"statusCode\":200,\"body\":{\"x\":1}}", "{\"statusCode\":200,\"headers\":[1]}",
                "{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}", "")) {
            assertThrows(HttpEvents.MalformedResponse.class, () -> HttpEvents.response(malformed), malformed);
        }
    }

    // ------------------------------------------------------------------ SQS

    @Test
    void sqsMessagesBecomeAnSqsEvent() {
        Message message = Message.builder().messageId("m-1").receiptHandle("rh-1").body("{\"job\":1}")
                .md5OfBody("abc").attributesWithStrings(Map.of("ApproximateReceiveCount", "2", "SentTimestamp", "1700000000000",
                        "SenderId", "123456789012", "ApproximateFirstReceiveTimestamp", "1700000000100"))
                .messageAttributes(Map.of("kind", MessageAttributeValue.builder().dataType("String").stringValue("x").build(),
                        "raw", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2})).build()))
                .build();
        String arn = "arn:aws:sqs:us-east-1:123456789012:jobs";
        SQSEvent event = asLambdaEvent(EventJson.sqsEvent(List.of(message), arn, "us-east-1").toString(), SQSEvent.class);
        SQSEvent.SQSMessage record = event.getRecords().get(0);
        assertEquals("m-1", record.getMessageId());
        assertEquals("rh-1", record.getReceiptHandle());
        assertEquals("{\"job\":1}", record.getBody());
        assertEquals("abc", record.getMd5OfBody());
        assertEquals("2", record.getAttributes().get("ApproximateReceiveCount"));
        assertEquals("1700000000000", record.getAttributes().get("SentTimestamp"));
        assertEquals("x", record.getMessageAttributes().get("kind").getStringValue());
        assertEquals("String", record.getMessageAttributes().get("kind").getDataType());
        assertEquals(2, record.getMessageAttributes().get("raw").getBinaryValue().remaining());
        assertEquals("aws:sqs", record.getEventSource());
        assertEquals(arn, record.getEventSourceArn());
        assertEquals("us-east-1", record.getAwsRegion());
    }

    // ------------------------------------------------------------------ DynamoDB streams

    @Test
    void streamRecordsBecomeADynamodbEventInDynamoDbJson() {
        Map<String, AttributeValue> keys = Map.of("momentId", AttributeValue.fromS("m1"));
        Map<String, AttributeValue> image = new LinkedHashMap<>(keys);
        image.put("count", AttributeValue.fromN("42"));
        image.put("tags", AttributeValue.fromSs(List.of("a", "b")));
        image.put("sizes", AttributeValue.fromNs(List.of("1", "2")));
        image.put("done", AttributeValue.fromBool(true));
        image.put("nothing", AttributeValue.fromNul(true));
        image.put("blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {7, 8})));
        image.put("images", AttributeValue.fromM(Map.of("back", AttributeValue.fromM(Map.of("status", AttributeValue.fromS("ready"))))));
        image.put("list", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("1"))));
        Instant created = Instant.parse("2026-11-29T12:00:00Z");
        Record insert = Record.builder().eventID("e-1").eventName(OperationType.MODIFY).eventVersion("1.0")
                .eventSource("aws:dynamodb").awsRegion("us-east-1")
                .dynamodb(StreamRecord.builder().approximateCreationDateTime(created).keys(keys).newImage(image)
                        .oldImage(keys).sequenceNumber("1100000000017454423009").sizeBytes(120L)
                        .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES).build())
                .build();
        String arn = "arn:aws:dynamodb:us-east-1:123456789012:table/t/stream/2026-11-29T12:00:00.000";
        DynamodbEvent event = asLambdaEvent(EventJson.dynamodbEvent(List.of(insert), arn, "us-east-1").toString(),
                DynamodbEvent.class);
        DynamodbEvent.DynamodbStreamRecord record = event.getRecords().get(0);
        assertEquals("e-1", record.getEventID());
        assertEquals("MODIFY", record.getEventName());
        assertEquals("1.1", record.getEventVersion());
        assertEquals("aws:dynamodb", record.getEventSource());
        assertEquals("us-east-1", record.getAwsRegion());
        assertEquals(arn, record.getEventSourceARN());
        var stream = record.getDynamodb();
        assertEquals(created.toEpochMilli(), stream.getApproximateCreationDateTime().getTime());
        assertEquals("m1", stream.getKeys().get("momentId").getS());
        assertEquals("1100000000017454423009", stream.getSequenceNumber());
        assertEquals(120L, stream.getSizeBytes());
        assertEquals("NEW_AND_OLD_IMAGES", stream.getStreamViewType());
        var newImage = stream.getNewImage();
        assertEquals("42", newImage.get("count").getN());
        assertEquals(List.of("a", "b"), newImage.get("tags").getSS());
        assertEquals(List.of("1", "2"), newImage.get("sizes").getNS());
        assertTrue(newImage.get("done").getBOOL());
        assertTrue(newImage.get("nothing").isNULL());
        assertEquals(2, newImage.get("blob").getB().remaining());
        assertEquals("ready", newImage.get("images").getM().get("back").getM().get("status").getS());
        assertEquals("x", newImage.get("list").getL().get(0).getS());
        assertEquals(Map.of("momentId", "m1"), Map.of("momentId", stream.getOldImage().get("momentId").getS()));
    }

    // ------------------------------------------------------------------ S3

    @Test
    void anS3NotificationBecomesAnS3EventWithWhatMotoLeavesOut() throws Exception {
        // What moto puts in the queue (moto/s3/notifications.py).
        JsonNode moto = JSON.readTree("""
                {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
                  "eventTime": "2026-11-29T12:00:00.123Z", "eventName": "ObjectCreated:Put",
                  "s3": {"s3SchemaVersion": "1.0", "configurationId": "UploadProcessorFunction-Uploaded",
                         "bucket": {"name": "media", "arn": "arn:aws:s3:::media"},
                         "object": {"key": "uploads%2Fu1%2Fm1%2Fback+photo%21", "size": 1234, "eTag": "abc"}}}]}""");
        assertFalse(EventJson.isS3TestEvent(moto));
        assertTrue(EventJson.isS3TestEvent(JSON.readTree(
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"media\"}")));
        S3Event event = asLambdaEvent(EventJson.s3Event(moto, "123456789012").toString(), S3Event.class);
        S3EventNotification.S3EventNotificationRecord record = event.getRecords().get(0);
        assertEquals("ObjectCreated:Put", record.getEventName());
        assertEquals("aws:s3", record.getEventSource());
        assertEquals("us-east-1", record.getAwsRegion());
        assertNotNull(record.getEventTime());
        assertEquals("media", record.getS3().getBucket().getName());
        assertEquals("arn:aws:s3:::media", record.getS3().getBucket().getArn());
        assertEquals("123456789012", record.getS3().getBucket().getOwnerIdentity().getPrincipalId());
        assertEquals("uploads/u1/m1/back+photo%21", record.getS3().getObject().getKey(), "slashes as AWS sends them");
        assertEquals("uploads/u1/m1/back photo!", record.getS3().getObject().getUrlDecodedKey());
        assertEquals(1234L, record.getS3().getObject().getSizeAsLong());
        assertEquals("abc", record.getS3().getObject().geteTag());
        assertNotNull(record.getS3().getObject().getSequencer());
        assertEquals("AWS:123456789012", record.getUserIdentity().getPrincipalId());
        assertEquals("127.0.0.1", record.getRequestParameters().getSourceIPAddress());
        assertNotNull(record.getResponseElements().getxAmzRequestId());
    }

    // ------------------------------------------------------------------ schedules

    @Test
    void aScheduleDeliversAScheduledEvent() {
        String json = EventJson.scheduledEvent("arn:aws:events:us-east-1:123456789012:rule/daily", "123456789012",
                "us-east-1", Instant.parse("2026-11-29T12:00:00.500Z")).toString();
        ScheduledEvent event = asLambdaEvent(json, ScheduledEvent.class);
        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals("aws.events", event.getSource());
        assertEquals("123456789012", event.getAccount());
        assertEquals(List.of("arn:aws:events:us-east-1:123456789012:rule/daily"), event.getResources());
        assertEquals(Instant.parse("2026-11-29T12:00:00Z").toEpochMilli(), event.getTime().getMillis());
    }
}
