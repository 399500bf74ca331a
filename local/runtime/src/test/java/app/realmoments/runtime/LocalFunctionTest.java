package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.runtime.lambda.FunctionSpec;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.Isolation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function run from its own jar: isolation, environment, Context, errors, timeout, the instance pool;
 * here with its containers in this JVM, in {@link ProcessContainersTest} each in a JVM of its own.
 */
class LocalFunctionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    LocalFunction function;

    /** Where the functions of these tests run their containers. */
    Isolation isolation() {
        return Isolation.inProcess();
    }

    @BeforeEach
    void load() throws Exception {
        function = probe(isolation());
    }

    LocalFunction probe(Isolation isolation) throws Exception {
        Path jar = FixtureJar.build(dir.resolve("fixture.jar"));
        FunctionSpec spec = new FunctionSpec("ProbeFunction", "probe-fn", "fixture.jar",
                "app.realmoments.runtime.fixture.Probe::handleRequest", "java25", 256, 2, null, Map.of(), Map.of());
        return new LocalFunction(spec, jar, Map.of("GREETING", "hello"),
                "arn:aws:lambda:us-east-1:123456789012:function:probe-fn", isolation);
    }

    /** Which container answered: its handler instance in its JVM. */
    static String container(Invocation invocation) throws Exception {
        JsonNode out = JSON.readTree(invocation.response());
        return out.path("instance").asInt() + "@" + out.path("pid").asLong();
    }

    @AfterEach
    void close() {
        function.close();
    }

    @Test
    void seesOnlyTheLambdaRuntimeItsEnvironmentAndItsContext() throws Exception {
        Invocation invocation = function.invoke("""
                {"action": "probe", "env": "GREETING", "classes": [
                  "com.amazonaws.services.lambda.runtime.Context",
                  "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
                  "java.net.http.HttpClient",
                  "com.amazonaws.services.lambda.runtime.events.SQSEvent",
                  "com.fasterxml.jackson.databind.ObjectMapper",
                  "software.amazon.awssdk.core.SdkBytes",
                  "org.yaml.snakeyaml.Yaml",
                  "app.realmoments.runtime.DevStack"]}""");
        assertFalse(invocation.failed(), invocation.response());
        assertTrue(invocation.coldStart());
        JsonNode out = JSON.readTree(invocation.response());
        assertEquals("hello", out.path("env").asText());
        assertTrue(out.path("tcclIsOwn").asBoolean(), "the context class loader is the function's during the call");
        assertEquals("probe-fn", out.path("functionName").asText());
        assertEquals(invocation.requestId(), out.path("requestId").asText());
        assertEquals(256, out.path("memory").asInt());
        int remaining = out.path("remaining").asInt();
        assertTrue(remaining > 0 && remaining <= 2000, "remaining " + remaining);
        JsonNode visible = out.path("visible");
        assertTrue(visible.path("com.amazonaws.services.lambda.runtime.Context").asBoolean());
        assertTrue(visible.path("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer").asBoolean());
        assertTrue(visible.path("java.net.http.HttpClient").asBoolean());
        for (String hidden : List.of("com.amazonaws.services.lambda.runtime.events.SQSEvent",
                "com.fasterxml.jackson.databind.ObjectMapper", "software.amazon.awssdk.core.SdkBytes",
                "org.yaml.snakeyaml.Yaml", "app.realmoments.runtime.DevStack")) {
            assertFalse(visible.path(hidden).asBoolean(), hidden + " must come from the function's jar, not the runtime");
        }

        Invocation warm = function.invoke("{\"action\": \"probe\"}");
        assertFalse(warm.coldStart());
        assertEquals(container(invocation), container(warm));
    }

    @Test
    void aThrowingHandlerGivesLambdasErrorJson() throws Exception {
        Invocation invocation = function.invoke("{\"action\": \"throw\"}");
        assertTrue(invocation.failed());
        JsonNode error = JSON.readTree(invocation.response());
        assertEquals("boom", error.path("errorMessage").asText());
        assertEquals("java.lang.IllegalStateException", error.path("errorType").asText());
        assertTrue(error.path("stackTrace").isArray());
        assertFalse(function.invoke("{\"action\": \"probe\"}").failed(), "the instance survives a handler error");
    }

    @Test
    void aHandlerRunningPastItsTimeoutIsCutOff() {
        Invocation invocation = function.invoke("{\"action\": \"sleep\", \"millis\": 8000}");
        assertTrue(invocation.failed());
        assertTrue(invocation.error().getMessage().contains("Task timed out after 2.00 seconds"), invocation.response());
        assertFalse(function.invoke("{\"action\": \"probe\"}").failed(), "a fresh instance replaces the timed-out one");
    }

    @Test
    void concurrentInvocationsRunOnSeparateInstances() throws Exception {
        function.invoke("{\"action\": \"probe\"}");
        ExecutorService pool = Executors.newFixedThreadPool(LocalFunction.MAX_INSTANCES);
        try {
            List<Future<Invocation>> calls = new ArrayList<>();
            for (int i = 0; i < LocalFunction.MAX_INSTANCES; i++) {
                calls.add(pool.submit(() -> function.invoke("{\"action\": \"sleep\", \"millis\": 700}")));
            }
            Set<String> instances = new HashSet<>();
            for (Future<Invocation> call : calls) {
                Invocation invocation = call.get();
                assertFalse(invocation.failed(), invocation.response());
                instances.add(container(invocation));
            }
            assertEquals(LocalFunction.MAX_INSTANCES, instances.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void functionsTakingTheSameEventTypeDoNotShareTheSerializersState() throws Exception {
        Path fat = FixtureJar.build(dir.resolve("with-events.jar"), List.of(
                com.amazonaws.services.lambda.runtime.events.S3Event.class, org.joda.time.DateTime.class));
        String event = """
                {"Records": [{"eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
                  "eventTime": "2026-11-29T12:00:00.000Z", "eventName": "ObjectCreated:Put",
                  "s3": {"s3SchemaVersion": "1.0", "bucket": {"name": "b", "arn": "arn:aws:s3:::b"},
                         "object": {"key": "uploads/a+b.jpg", "size": 1, "eTag": "e"}}}]}""";
        List<LocalFunction> functions = new ArrayList<>();
        try {
            for (String id : List.of("First", "Second")) {
                FunctionSpec spec = new FunctionSpec(id, id, "with-events.jar",
                        "app.realmoments.runtime.fixture.S3Keys::handleRequest", "java25", 128, 5, null, Map.of(), Map.of());
                functions.add(new LocalFunction(spec, fat, Map.of(), "arn", isolation()));
            }
            for (int round = 0; round < 2; round++) {
                for (LocalFunction each : functions) {
                    Invocation invocation = each.invoke(event);
                    assertFalse(invocation.failed(), each.spec().logicalId() + ": " + invocation.response());
                    assertEquals("\"uploads/a b.jpg@2026\"", invocation.response());
                }
            }
        } finally {
            functions.forEach(LocalFunction::close);
        }
    }

    @Test
    void aMissingJarSaysToBuild() {
        FunctionSpec spec = new FunctionSpec("Missing", "missing", "functions/missing/target/missing.jar",
                "x.Y::handleRequest", "java25", 128, 3, null, Map.of(), Map.of());
        try (LocalFunction missing = new LocalFunction(spec, dir.resolve("functions/missing/target/missing.jar"),
                Map.of(), "arn", isolation())) {
            Invocation invocation = missing.invoke("{}");
            assertTrue(invocation.failed());
            assertTrue(invocation.error().getMessage().contains("make build"), invocation.error().getMessage());
        }
    }

    @Test
    void aMissingClassFailsLikeLambdasInit() {
        FunctionSpec spec = new FunctionSpec("Wrong", "wrong", "fixture.jar",
                "app.realmoments.runtime.fixture.NoSuchHandler::handleRequest", "java25", 128, 3, null, Map.of(), Map.of());
        try (LocalFunction wrong = new LocalFunction(spec, dir.resolve("fixture.jar"), Map.of(), "arn", isolation())) {
            Invocation invocation = wrong.invoke("{}");
            assertTrue(invocation.failed());
            assertTrue(invocation.error().getMessage().contains("NoSuchHandler"), invocation.error().getMessage());
        }
    }
}
