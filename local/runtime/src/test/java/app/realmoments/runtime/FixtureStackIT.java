package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.runtime.lambda.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A test-only template (src/test/resources/fixture/template.yaml) whose functions are the fixture
 * classes: the gateway's event and response mapping, the JWT authorizer with real user pool tokens,
 * and every event pump (S3 notifications, the DynamoDB stream, SQS with its dead-letter queue,
 * schedules) against moto.
 */
class FixtureStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Invocation> INVOCATIONS = new CopyOnWriteArrayList<>();

    @TempDir
    static Path root;

    private static DevStack stack;
    private static HttpClient http;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        try (InputStream template = FixtureStackIT.class.getResourceAsStream("/fixture/template.yaml")) {
            Files.copy(template, root.resolve("template.yaml"));
        }
        FixtureJar.build(root.resolve("fixture.jar"));
        stack = DevStack.start(DevStack.Options.forRoot(root));
        stack.onInvocation(INVOCATIONS::add);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        token = stack.token("fixture-user");
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<byte[]> send(String method, String path, String authorization, String contentType,
                                             byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> get(String path, String authorization) throws Exception {
        return send("GET", path, authorization, null, null);
    }

    private static JsonNode json(byte[] body) throws Exception {
        return JSON.readTree(body);
    }

    /** Waits until the invocations of a function include one matching the test. */
    private static List<Invocation> await(String function, Predicate<List<Invocation>> done, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Invocation> of = INVOCATIONS.stream().filter(i -> i.function().equals(function)).toList();
            if (done.test(of)) {
                return of;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + function + "; its invocations: "
                        + of.stream().map(Invocation::event).toList());
            }
            Thread.sleep(100);
        }
    }

    // ------------------------------------------------------------------ HTTP API

    @Test
    void aPublicRouteGetsThePayload2EventAndItsAnswerMapsBack() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/public?x=1&x=2&y=%C3%A9"))
                .header("Cookie", "c1=v1; c2=v2").header("X-Custom", "Value").header("User-Agent", "fixture-test").GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(201, response.statusCode());
        assertEquals(List.of("a=1", "b=2; Path=/"), response.headers().allValues("set-cookie"));
        assertEquals(stack.physical("Items").ref(), response.headers().firstValue("x-env-table").orElseThrow());
        assertEquals(stack.physical("Files").ref(), response.headers().firstValue("x-env-bucket").orElseThrow());
        assertEquals("from-globals", response.headers().firstValue("x-env-global").orElseThrow());
        assertEquals(stack.endpoint(), response.headers().firstValue("x-env-endpoint").orElseThrow());
        assertEquals("64", response.headers().firstValue("x-env-secret-length").orElseThrow());
        JsonNode event = json(response.body());
        assertEquals("2.0", event.path("version").asText());
        assertEquals("GET /public", event.path("routeKey").asText());
        assertEquals("/public", event.path("rawPath").asText());
        assertEquals("x=1&x=2&y=%C3%A9", event.path("rawQueryString").asText());
        assertEquals("1,2", event.path("queryStringParameters").path("x").asText());
        assertEquals("é", event.path("queryStringParameters").path("y").asText());
        assertEquals(List.of("c1=v1", "c2=v2"), JSON.convertValue(event.path("cookies"), List.class));
        assertEquals("Value", event.path("headers").path("x-custom").asText());
        assertEquals("127.0.0.1", event.path("headers").path("x-forwarded-for").asText());
        assertTrue(event.path("headers").path("cookie").isMissingNode());
        JsonNode context = event.path("requestContext");
        assertEquals("$default", context.path("stage").asText());
        assertEquals("GET", context.path("http").path("method").asText());
        assertEquals("fixture-test", context.path("http").path("userAgent").asText());
        assertEquals("123456789012", context.path("accountId").asText());
        assertEquals(response.headers().firstValue("apigw-requestid").orElseThrow(), context.path("requestId").asText());
        assertTrue(context.path("authorizer").isMissingNode());
        assertFalse(event.path("isBase64Encoded").asBoolean());
        assertTrue(event.path("body").isMissingNode());
    }

    @Test
    void aProtectedRouteCarriesTheTokensClaimsAndPathParameters() throws Exception {
        HttpResponse<byte[]> response = send("POST", "/echo/a/b%20c", "Bearer " + token, "application/json",
                "{\"hello\":\"wörld\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(201, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        JsonNode event = json(response.body());
        assertEquals("ANY /echo/{proxy+}", event.path("routeKey").asText());
        assertEquals("a/b c", event.path("pathParameters").path("proxy").asText());
        assertEquals("{\"hello\":\"wörld\"}", event.path("body").asText());
        JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        assertEquals("fixture-user@example.edu", claims.path("email").asText());
        assertEquals("id", claims.path("token_use").asText());
        assertEquals(stack.outputs().path("userPoolClientId").asText(), claims.path("aud").asText());
        claims.properties().forEach(e -> assertTrue(e.getValue().isTextual(), e.getKey() + " is a string"));

        String access = stack.login("fixture-user").accessToken();
        JsonNode viaAccess = json(get("/items/42", access).body());
        assertEquals("42", viaAccess.path("pathParameters").path("id").asText());
        assertEquals("access", viaAccess.path("requestContext").path("authorizer").path("jwt").path("claims")
                .path("token_use").asText());
        assertEquals("GET /items/special", json(get("/items/special", "Bearer " + token).body()).path("routeKey").asText());
    }

    @Test
    void binaryBodiesTravelBase64Encoded() throws Exception {
        byte[] bytes = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3};
        JsonNode event = json(send("PUT", "/echo/blob", "Bearer " + token, "image/jpeg", bytes).body());
        assertTrue(event.path("isBase64Encoded").asBoolean());
        assertArrayEquals(bytes, Base64.getDecoder().decode(event.path("body").asText()));

        HttpResponse<byte[]> binary = get("/binary", null);
        assertEquals(200, binary.statusCode());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, binary.body());
        HttpResponse<byte[]> plain = get("/plain", null);
        assertEquals("just text", new String(plain.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", plain.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void theAuthorizerRefusesWhatApiGatewayRefuses() throws Exception {
        assertEquals(401, get("/items/1", null).statusCode());
        assertEquals(401, get("/items/1", "Bearer").statusCode());
        assertEquals(401, get("/items/1", "Bearer garbage").statusCode());
        assertEquals(401, get("/items/1", "Bearer " + TestJwts.resign(token, TestJwts.rsa().getPrivate())).statusCode());
        String[] parts = token.split("\\.");
        assertEquals(401, get("/items/1", TestJwts.part("{\"alg\":\"none\",\"kid\":\"dummy\"}") + "." + parts[1] + ".")
                .statusCode());
        assertEquals(401, get("/items/1", TestJwts.hs256("secret".getBytes(StandardCharsets.UTF_8), "dummy",
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))).statusCode());
        HttpResponse<byte[]> unauthorized = get("/items/1", "Bearer " + parts[0] + "." + parts[1] + "." + parts[2] + "x");
        assertEquals(401, unauthorized.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", new String(unauthorized.body(), StandardCharsets.UTF_8));
        assertTrue(unauthorized.headers().firstValue("www-authenticate").isPresent());
        assertEquals(201, get("/items/1", token).statusCode(), "without the Bearer prefix is fine");
        assertEquals(403, get("/scoped", "Bearer " + token).statusCode(), "an ID token has no scopes");
    }

    @Test
    void functionFailuresAreA500WithoutDetails() throws Exception {
        HttpResponse<byte[]> fail = get("/fail", null);
        assertEquals(500, fail.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", new String(fail.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> malformed = get("/malformed", null);
        assertEquals(500, malformed.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", new String(malformed.body(), StandardCharsets.UTF_8));
        assertEquals(404, get("/nowhere", null).statusCode());
    }

    @Test
    void bodiesOverTenMegabytesAre413() throws Exception {
        HttpResponse<byte[]> response = send("POST", "/echo/big", "Bearer " + token, "application/octet-stream",
                new byte[10 * 1024 * 1024 + 1]);
        assertEquals(413, response.statusCode());
    }

    // ------------------------------------------------------------------ event pumps

    @Test
    void s3ObjectsUnderThePrefixInvokeTheFunctionWithAnS3Event() throws Exception {
        String bucket = stack.physical("Files").ref();
        stack.aws().s3().putObject(b -> b.bucket(bucket).key("elsewhere/a.txt"), RequestBody.fromString("no"));
        stack.aws().s3().putObject(b -> b.bucket(bucket).key("uploads/a b.txt"), RequestBody.fromString("yes"));
        List<Invocation> seen = await("FilesFunction", all -> all.stream().anyMatch(i -> i.event().contains("uploads/a+b.txt")),
                Duration.ofSeconds(15));
        Invocation invocation = seen.stream().filter(i -> i.event().contains("uploads/a+b.txt")).findFirst().orElseThrow();
        JsonNode record = JSON.readTree(invocation.event()).path("Records").path(0);
        assertEquals("aws:s3", record.path("eventSource").asText());
        assertEquals("ObjectCreated:Put", record.path("eventName").asText());
        assertEquals(bucket, record.path("s3").path("bucket").path("name").asText());
        assertEquals(3, record.path("s3").path("object").path("size").asInt());
        assertTrue(record.has("userIdentity") && record.path("s3").path("object").has("sequencer"));
        assertTrue(seen.stream().noneMatch(i -> i.event().contains("elsewhere/")), "the prefix filter holds");
    }

    @Test
    void aFailingS3InvocationIsRetriedTwiceThenRecordedInItsOnFailureQueue() throws Exception {
        String bucket = stack.physical("Files").ref();
        stack.aws().s3().putObject(b -> b.bucket(bucket).key("uploads/explode.txt"), RequestBody.fromString("boom"));
        Predicate<Invocation> exploding = i -> i.event().contains("uploads/explode.txt");
        // The record is written after the last attempt: once it is there, no further retry comes.
        String failed = stack.physical("FailedUploads").ref();
        List<software.amazon.awssdk.services.sqs.model.Message> records = new java.util.ArrayList<>();
        for (int i = 0; i < 20 && records.isEmpty(); i++) {
            records.addAll(stack.aws().sqs().receiveMessage(b -> b.queueUrl(failed).waitTimeSeconds(1)).messages());
        }
        List<Invocation> all = INVOCATIONS.stream().filter(i -> i.function().equals("FilesFunction")).filter(exploding).toList();
        assertEquals(3, all.size(), "one attempt and two retries");
        assertTrue(all.stream().allMatch(Invocation::failed));

        assertEquals(1, records.size(), "one record of the failed event");
        JsonNode record = JSON.readTree(records.getFirst().body());
        assertEquals("RetriesExhausted", record.path("requestContext").path("condition").asText());
        assertEquals(3, record.path("requestContext").path("approximateInvokeCount").asInt());
        assertEquals(all.getLast().requestId(), record.path("requestContext").path("requestId").asText());
        assertEquals("uploads/explode.txt",
                record.path("requestPayload").path("Records").path(0).path("s3").path("object").path("key").asText());
        assertTrue(record.path("responsePayload").has("errorMessage"), record.toString());
    }

    @Test
    void streamRecordsFailingEveryRetryAreSkippedWithARecordInTheOnFailureQueue() throws Exception {
        String table = stack.physical("Doomed").ref();
        stack.aws().dynamo().putItem(b -> b.tableName(table).item(java.util.Map.of("id", AttributeValue.fromS("d-1"),
                "doomed", AttributeValue.fromBool(true))));
        // MaximumRetryAttempts 1: the first delivery and one retry, both reporting d-1 failed.
        await("DoomedFunction", all -> all.stream().filter(i -> records(i).contains("INSERT d-1")).count() >= 2,
                Duration.ofSeconds(20));
        String skipped = stack.physical("SkippedRecords").ref();
        List<software.amazon.awssdk.services.sqs.model.Message> messages = new ArrayList<>();
        for (int i = 0; i < 10 && messages.isEmpty(); i++) {
            messages.addAll(stack.aws().sqs().receiveMessage(b -> b.queueUrl(skipped).waitTimeSeconds(1)).messages());
        }
        assertEquals(1, messages.size(), "one record of the skipped records");
        JsonNode record = JSON.readTree(messages.getFirst().body());
        assertEquals("RetryAttemptsExhausted", record.path("requestContext").path("condition").asText());
        JsonNode batch = record.path("DDBStreamBatchInfo");
        assertEquals(stack.physical("Doomed").attributes().get("StreamArn"), batch.path("streamArn").asText());
        assertEquals(1, batch.path("batchSize").asInt());
        assertEquals(batch.path("startSequenceNumber").asText(), batch.path("endSequenceNumber").asText());
        assertEquals(2, record.path("requestContext").path("approximateInvokeCount").asInt());
    }

    @Test
    void streamRecordsArriveInOrderAndAReportedFailureIsRetriedFromThatRecord() throws Exception {
        String table = stack.physical("Items").ref();
        for (String id : List.of("s-1", "s-2", "s-3")) {
            var item = new java.util.HashMap<String, AttributeValue>();
            item.put("id", AttributeValue.fromS(id));
            item.put("fail", AttributeValue.fromBool(id.equals("s-2")));
            stack.aws().dynamo().putItem(b -> b.tableName(table).item(item));
        }
        stack.aws().dynamo().deleteItem(b -> b.tableName(table).key(java.util.Map.of("id", AttributeValue.fromS("s-1"))));
        List<Invocation> seen = await("StreamFunction", all -> all.stream().filter(i -> records(i).contains("INSERT s-2"))
                .count() >= 2 && all.stream().anyMatch(i -> records(i).contains("REMOVE s-1") && !i.failed()
                && !i.response().contains("itemIdentifier")), Duration.ofSeconds(20));
        List<List<Object>> deliveries = new ArrayList<>();
        for (Invocation invocation : seen) {
            deliveries.add(new ArrayList<>(records(invocation)));
        }
        // s-2 fails once (reported as a batch item failure): the next batch starts again from s-2.
        List<String> flat = deliveries.stream().flatMap(List::stream).map(String::valueOf).toList();
        assertEquals(2, flat.stream().filter("INSERT s-2"::equals).count(), deliveries.toString());
        assertEquals(1, flat.stream().filter("INSERT s-1"::equals).count(), deliveries.toString());
        int firstFailure = -1;
        for (int i = 0; i < deliveries.size(); i++) {
            if (deliveries.get(i).contains("INSERT s-2")) {
                firstFailure = i;
                break;
            }
        }
        assertEquals("INSERT s-2", deliveries.get(firstFailure + 1).get(0), deliveries.toString());
        assertTrue(flat.indexOf("INSERT s-1") < flat.indexOf("INSERT s-2"));
        assertTrue(flat.lastIndexOf("INSERT s-2") < flat.lastIndexOf("INSERT s-3"));
        assertTrue(flat.indexOf("INSERT s-3") < flat.indexOf("REMOVE s-1"));
        JsonNode record = JSON.readTree(seen.get(0).event()).path("Records").path(0);
        assertEquals("1.1", record.path("eventVersion").asText());
        assertEquals(stack.physical("Items").attributes().get("StreamArn"), record.path("eventSourceARN").asText());
        assertTrue(record.path("dynamodb").path("ApproximateCreationDateTime").isNumber());
        assertEquals("NEW_AND_OLD_IMAGES", record.path("dynamodb").path("StreamViewType").asText());
    }

    /** "INSERT s-1", "REMOVE s-1" ... per record of a stream invocation. */
    private static List<Object> records(Invocation invocation) {
        List<Object> out = new ArrayList<>();
        try {
            for (JsonNode record : JSON.readTree(invocation.event()).path("Records")) {
                out.add(record.path("eventName").asText() + " "
                        + record.path("dynamodb").path("Keys").path("id").path("S").asText());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out;
    }

    @Test
    void sqsMessagesAreDeliveredAndFailuresEndInTheDeadLetterQueue() throws Exception {
        String queue = stack.physical("Jobs").ref();
        String deadLetters = stack.physical("JobsDeadLetters").ref();
        stack.aws().sqs().sendMessage(b -> b.queueUrl(queue).messageBody("ok-1"));
        stack.aws().sqs().sendMessage(b -> b.queueUrl(queue).messageBody("fail"));
        await("JobsFunction", all -> all.stream().filter(i -> i.event().contains("\"body\":\"fail\"")).count() >= 2,
                Duration.ofSeconds(20));
        // maxReceiveCount is 2: moto moves the message to the dead-letter queue on the receive after that.
        Instant deadline = Instant.now().plusSeconds(20);
        List<String> dead = new ArrayList<>();
        while (dead.isEmpty() && Instant.now().isBefore(deadline)) {
            stack.aws().sqs().receiveMessage(b -> b.queueUrl(deadLetters).waitTimeSeconds(1)).messages()
                    .forEach(m -> dead.add(m.body()));
        }
        assertEquals(List.of("fail"), dead);
        List<Invocation> jobs = INVOCATIONS.stream().filter(i -> i.function().equals("JobsFunction")).toList();
        assertEquals(1, jobs.stream().filter(i -> i.event().contains("\"body\":\"ok-1\"")).count(),
                "a message not reported failed is deleted");
        assertEquals(2, jobs.stream().filter(i -> i.event().contains("\"body\":\"fail\"")).count(),
                "received maxReceiveCount times, then dead-lettered");
        JsonNode record = JSON.readTree(jobs.get(0).event()).path("Records").path(0);
        assertEquals("aws:sqs", record.path("eventSource").asText());
        assertEquals(stack.physical("Jobs").attributes().get("Arn"), record.path("eventSourceARN").asText());
        assertFalse(record.path("attributes").path("ApproximateReceiveCount").asText().isEmpty());
        assertFalse(record.path("attributes").path("SentTimestamp").asText().isEmpty());
    }

    @Test
    void aScheduleFiresOnRequest() throws Exception {
        HttpResponse<byte[]> response = send("POST", "/_local/schedules/TickFunction", null, null, null);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        Invocation tick = INVOCATIONS.stream().filter(i -> i.function().equals("TickFunction")).findFirst().orElseThrow();
        assertEquals("Scheduled Event", JSON.readTree(tick.event()).path("detail-type").asText());
        assertEquals(404, send("POST", "/_local/schedules/Nothing", null, null, null).statusCode());
    }

    @Test
    void outputsResolveTheTemplatesOutputs() {
        JsonNode outputs = stack.outputs();
        assertEquals(stack.apiUrl(), outputs.path("outputs").path("Endpoint").asText());
        assertEquals(stack.physical("Items").ref(), outputs.path("outputs").path("TableName").asText());
        assertTrue(outputs.path("topics").path("Alerts").asText().startsWith("arn:aws:sns:us-east-1:123456789012:"));
        assertTrue(stack.aws().sns().getTopicAttributes(b -> b.topicArn(outputs.path("topics").path("Alerts").asText()))
                .hasAttributes());
    }
}
