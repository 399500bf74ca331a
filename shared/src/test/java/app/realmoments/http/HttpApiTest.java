package app.realmoments.http;

import app.realmoments.testing.JsonTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpApiTest {

    record Body(String name, Integer count) {
    }

    private final HttpApi api = new HttpApi() {
        @Override
        protected ApiResponse route(ApiRequest request) {
            return switch (request.routeKey()) {
                case "POST /echo" -> {
                    Body body = request.body(Body.class);
                    yield ApiResponse.ok(Map.of("caller", request.caller(), "name", String.valueOf(body.name())));
                }
                case "GET /list" -> ApiResponse.ok(Map.of("limit", request.limit()));
                case "GET /boom" -> throw new IllegalStateException("secret table name leaked");
                case "POST /flood" -> throw app.realmoments.error.Problem.throttled("too many comments", 42);
                case "GET /busy" -> throw new IllegalStateException("feed writes failed",
                        software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException.builder()
                                .statusCode(400).message("Rate of requests exceeds the allowed throughput")
                                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                        .errorCode("ProvisionedThroughputExceededException").build()).build());
                case "GET /throttled" -> throw software.amazon.awssdk.services.dynamodb.model.DynamoDbException.builder()
                        .statusCode(400).awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                .errorCode("ThrottlingException").build()).build();
                default -> throw unknownRoute(request);
            };
        }
    };

    @Test
    void aGoodRequestReachesTheRouteWithItsCaller() {
        APIGatewayV2HTTPResponse response = call("POST /echo", "ana", "{\"name\":\"x\",\"extra\":true}", false);
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("content-type"));
        assertEquals("ana", json(response).get("caller").asText());
    }

    @Test
    void base64BodiesAreDecoded() {
        String body = Base64.getEncoder().encodeToString("{\"name\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("é", json(call("POST /echo", "ana", body, true)).get("name").asText());
    }

    @Test
    void aThrottledCallerIsToldWhenToComeBack() {
        APIGatewayV2HTTPResponse response = call("POST /flood", "ana", "{}", false);
        assertError(response, 429, "throttled", null);
        assertEquals("42", response.getHeaders().get("retry-after"));
    }

    @Test
    void aTableStillThrottledAfterTheSdksRetriesIsA429NotA500() {
        for (String route : java.util.List.of("GET /throttled", "GET /busy")) {
            APIGatewayV2HTTPResponse response = call(route, "ana", null, false);
            assertError(response, 429, "throttled", null);
            assertEquals("1", response.getHeaders().get("retry-after"));
        }
        assertEquals(500, call("GET /boom", "ana", null, false).getStatusCode(), "anything else is still ours");
    }

    @Test
    void badInputGetsA4xxJsonErrorNamingTheField() {
        assertError(call("POST /echo", "ana", "{not json", false), 400, "validation_failed", null);
        assertError(call("POST /echo", "ana", "", false), 400, "validation_failed", null);
        assertError(call("POST /echo", "ana", "[1,2]", false), 400, "validation_failed", null);
        assertError(call("POST /echo", "ana", "null", false), 400, "validation_failed", null);
        assertError(call("POST /echo", "ana", "{\"count\":\"seven\"}", false), 400, "validation_failed", "count");
        assertError(call("POST /echo", "ana", "{\"name\":{\"a\":1}}", false), 400, "validation_failed", "name");
        assertError(call("POST /echo", "ana", "{\"name\":\"" + "x".repeat(70_000) + "\"}", false), 413, "payload_too_large", null);
        assertError(call("POST /echo", null, "{}", false), 401, "unauthorized", null);
        assertError(call("GET /list?limit=0", "ana", null, false), 400, "validation_failed", "limit");
        assertError(call("GET /list?limit=51", "ana", null, false), 400, "validation_failed", "limit");
        assertError(call("GET /list?limit=abc", "ana", null, false), 400, "validation_failed", "limit");
        assertEquals(20, json(call("GET /list", "ana", null, false)).get("limit").asInt());
    }

    @Test
    void anUnexpectedFailureIsA500WithoutInternals() {
        APIGatewayV2HTTPResponse response = call("GET /boom", "ana", null, false);
        assertEquals(500, response.getStatusCode());
        assertFalse(response.getBody().contains("secret"), response.getBody());
        assertFalse(response.getBody().contains("Exception"), response.getBody());
        assertEquals("req-1", json(response).get("error").get("requestId").asText());
    }

    private static void assertError(APIGatewayV2HTTPResponse response, int status, String code, String field) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        JsonNode error = json(response).get("error");
        assertEquals(code, error.get("code").asText());
        assertTrue(error.hasNonNull("message"));
        assertEquals(field, error.hasNonNull("field") ? error.get("field").asText() : null);
    }

    private APIGatewayV2HTTPResponse call(String route, String caller, String body, boolean base64) {
        String[] parts = route.split("\\?");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(parts[0]);
        if (parts.length > 1) {
            String[] query = parts[1].split("=");
            event.setQueryStringParameters(Map.of(query[0], query[1]));
        }
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        if (caller != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(Map.of("sub", caller));
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return api.handleRequest(event, new TestContext("req-1"));
    }

    private static JsonNode json(APIGatewayV2HTTPResponse response) {
        try {
            return JsonTrees.tree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
