package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.emulator.provision.Physical;
import app.realmoments.emulator.template.Template;
import app.realmoments.runtime.lambda.Invocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The real template.yaml on moto: its resources are created, GET /health runs through the health
 * function's own jar, and the JWT authorizer guards the other routes with the user pool's tokens.
 */
class DevStackIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Invocation> INVOCATIONS = new CopyOnWriteArrayList<>();
    private static DevStack stack;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        Path root = DevStack.findRoot();
        assertTrue(Files.isRegularFile(root.resolve("functions/health/target/health.jar")),
                "functions/health/target/health.jar is missing: ./mvnw -B -ntp -q -pl functions/health -am package -DskipTests");
        stack = DevStack.start(DevStack.Options.forRoot(root));
        stack.onInvocation(INVOCATIONS::add);
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path)).GET()
                .timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyTableBucketQueueAndUserPoolOfTheTemplateExists() {
        Template template = stack.template();
        for (Template.Resource table : declared(template, "AWS::DynamoDB::Table")) {
            String name = stack.physical(table.logicalId()).ref();
            var description = stack.aws().dynamo().describeTable(b -> b.tableName(name)).table();
            assertEquals("ACTIVE", description.tableStatusAsString(), name);
            Object stream = table.properties().get("StreamSpecification");
            if (stream != null) {
                assertTrue(description.streamSpecification().streamEnabled(), name + " has a stream");
                assertNotNull(stack.physical(table.logicalId()).attributes().get("StreamArn"));
            }
            if (table.properties().get("TimeToLiveSpecification") != null) {
                assertEquals(TimeToLiveStatus.ENABLED, stack.aws().dynamo().describeTimeToLive(b -> b.tableName(name))
                        .timeToLiveDescription().timeToLiveStatus(), name + " TTL");
            }
            assertEquals(((List<?>) table.properties().getOrDefault("GlobalSecondaryIndexes", List.of())).size(),
                    description.globalSecondaryIndexes().size(), name + " indexes");
        }
        for (Template.Resource bucket : declared(template, "AWS::S3::Bucket")) {
            String name = stack.physical(bucket.logicalId()).ref();
            stack.aws().s3().headBucket(b -> b.bucket(name));
            if (bucket.properties().get("CorsConfiguration") != null) {
                assertFalse(stack.aws().s3().getBucketCors(b -> b.bucket(name)).corsRules().isEmpty(), name + " CORS");
            }
        }
        for (Template.Resource queue : declared(template, "AWS::SQS::Queue")) {
            Physical physical = stack.physical(queue.logicalId());
            var attributes = stack.aws().sqs().getQueueAttributes(b -> b.queueUrl(physical.ref())
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            assertEquals(physical.attributes().get("Arn"), attributes.get(QueueAttributeName.QUEUE_ARN));
            if (queue.properties().get("RedrivePolicy") != null) {
                JsonNode redrive = readJson(attributes.get(QueueAttributeName.REDRIVE_POLICY));
                assertTrue(redrive.path("deadLetterTargetArn").asText().startsWith("arn:aws:sqs:us-east-1:123456789012:"));
                assertTrue(redrive.path("maxReceiveCount").asInt() > 0);
            }
        }
        for (Template.Resource pool : declared(template, "AWS::Cognito::UserPool")) {
            String id = stack.physical(pool.logicalId()).ref();
            assertEquals(id, stack.aws().cognito().describeUserPool(b -> b.userPoolId(id)).userPool().id());
        }
        for (Template.Resource client : declared(template, "AWS::Cognito::UserPoolClient")) {
            String id = stack.physical(client.logicalId()).ref();
            String pool = stack.outputs().path("userPoolId").asText();
            assertTrue(stack.aws().cognito().describeUserPoolClient(b -> b.userPoolId(pool).clientId(id)).userPoolClient()
                    .explicitAuthFlows().contains(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH));
        }
    }

    @Test
    void s3EventsOfTheTemplateAreWiredToTheBucket() {
        int wired = 0;
        for (Template.Resource bucket : declared(stack.template(), "AWS::S3::Bucket")) {
            String name = stack.physical(bucket.logicalId()).ref();
            var configuration = stack.aws().s3().getBucketNotificationConfiguration(b -> b.bucket(name));
            // only a bucket a function takes S3 events from (the media bucket; not the exports bucket)
            boolean hasEvents = stack.template().resourcesOfType("AWS::Serverless::Function").stream()
                    .flatMap(f -> ((Map<?, ?>) f.properties().getOrDefault("Events", Map.of())).values().stream())
                    .map(e -> (Map<?, ?>) e)
                    .anyMatch(e -> "S3".equals(e.get("Type")) && String.valueOf(e.get("Properties")).contains(bucket.logicalId()));
            assertEquals(hasEvents, !configuration.queueConfigurations().isEmpty(),
                    name + (hasEvents ? " sends its events to the runtime" : " sends no events"));
            wired += hasEvents ? 1 : 0;
        }
        assertTrue(wired > 0, "some bucket's events reach a function");
    }

    @Test
    void outputsNameEverything() {
        JsonNode outputs = stack.outputs();
        assertEquals(stack.apiUrl(), outputs.path("apiUrl").asText());
        assertEquals(stack.endpoint(), outputs.path("awsEndpoint").asText());
        assertEquals("us-east-1", outputs.path("region").asText());
        assertTrue(outputs.path("userPoolId").asText().startsWith("us-east-1_"));
        assertFalse(outputs.path("userPoolClientId").asText().isEmpty());
        assertFalse(outputs.path("mediaBucket").asText().isEmpty());
        for (Template.Resource table : declared(stack.template(), "AWS::DynamoDB::Table")) {
            assertEquals(stack.physical(table.logicalId()).ref(), outputs.path("tables").path(table.logicalId()).asText());
        }
        for (Template.Resource queue : declared(stack.template(), "AWS::SQS::Queue")) {
            assertTrue(outputs.path("queues").path(queue.logicalId()).asText().startsWith("http://127.0.0.1:"));
        }
        assertEquals(stack.apiUrl(), outputs.path("outputs").path("ApiUrl").asText(), "ApiUrl is the local API");
        for (String name : stack.template().section("Outputs").keySet()) {
            assertTrue(outputs.path("outputs").has(name), "output " + name);
        }
    }

    @Test
    void healthAnswersThroughTheHealthFunctionsJar() throws Exception {
        HttpResponse<String> response = get("/health", null);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(JSON.readTree("{\"status\":\"ok\"}"), JSON.readTree(response.body()));
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertTrue(response.headers().firstValue("apigw-requestid").isPresent());
        Invocation health = INVOCATIONS.stream().filter(i -> i.function().equals("HealthFunction")).findFirst().orElseThrow();
        assertTrue(readJson(health.event()).path("requestContext").path("authorizer").isMissingNode(),
                "a public route carries no claims");
    }

    @Test
    void anUnknownRouteIs404() throws Exception {
        HttpResponse<String> response = get("/no/such/route", null);
        assertEquals(404, response.statusCode());
        assertEquals("{\"message\":\"Not Found\"}", response.body());
    }

    @Test
    void aRouteWithoutATokenIs401() throws Exception {
        HttpResponse<String> response = get("/me", null);
        assertEquals(401, response.statusCode());
        assertEquals("{\"message\":\"Unauthorized\"}", response.body());
        assertTrue(response.headers().firstValue("www-authenticate").orElse("").startsWith("Bearer"));
    }

    @Test
    void aForgedTokenIs401() throws Exception {
        String real = stack.token("mallory");
        String forged = TestJwts.resign(real, TestJwts.rsa().getPrivate());
        assertEquals(401, get("/me", "Bearer " + forged).statusCode());
        String[] parts = real.split("\\.");
        String none = TestJwts.part("{\"alg\":\"none\",\"kid\":\"dummy\"}") + "." + parts[1] + ".";
        assertEquals(401, get("/me", "Bearer " + none).statusCode());
        assertEquals(401, get("/me", "Bearer not.a.token").statusCode());
    }

    @Test
    void aRealTokenPassesTheAuthorizerAndItsClaimsReachTheFunction() throws Exception {
        Tokens.Login alice = stack.login("alice");
        assertEquals("alice@example.edu", alice.username());
        for (String token : List.of(alice.idToken(), alice.accessToken())) {
            int before = INVOCATIONS.size();
            HttpResponse<String> response = get("/me", "Bearer " + token);
            assertNotEquals(401, response.statusCode(), response.body());
            assertNotEquals(403, response.statusCode(), response.body());
            Invocation invocation = INVOCATIONS.subList(before, INVOCATIONS.size()).stream()
                    .filter(i -> i.function().equals("ProfileApiFunction")).findFirst()
                    .orElseThrow(() -> new AssertionError("ProfileApiFunction was not invoked"));
            JsonNode event = readJson(invocation.event());
            assertEquals("GET /me", event.path("routeKey").asText());
            JsonNode claims = event.path("requestContext").path("authorizer").path("jwt").path("claims");
            assertFalse(claims.path("sub").asText().isEmpty());
            assertTrue(claims.path("exp").isTextual(), "claims are strings");
            String tokenUse = claims.path("token_use").asText();
            assertTrue(tokenUse.equals("id") ? claims.path("email").asText().equals("alice@example.edu")
                    : tokenUse.equals("access"), claims.toString());
        }
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The template's resources of one type, asserted non-empty so a loop over them cannot pass by running zero times. */
    private static List<Template.Resource> declared(Template template, String type) {
        List<Template.Resource> resources = template.resourcesOfType(type);
        assertFalse(resources.isEmpty(), "the template declares " + type);
        return resources;
    }
}
