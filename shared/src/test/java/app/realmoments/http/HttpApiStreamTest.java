package app.realmoments.http;

import app.realmoments.testing.JsonTrees;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lambda's path: the event's bytes in, the response event's bytes out (HttpApi is a stream handler). */
class HttpApiStreamTest {

    private final HttpApi api = new HttpApi() {
        @Override
        protected ApiResponse route(ApiRequest request) {
            return ApiResponse.ok(Map.of("route", request.routeKey(), "caller", String.valueOf(request.callerId()),
                    "id", request.path("momentId"), "limit", request.limit(), "body", String.valueOf(request.body()),
                    "key", String.valueOf(request.idempotencyKey()), "groups", String.join(",", new java.util.TreeSet<>(request.callerGroups()))));
        }
    };

    private JsonNode call(String event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        api.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        return JsonTrees.tree(out.toByteArray());
    }

    @Test
    void readsTheFieldsItUsesAndSkipsTheRest() throws Exception {
        String body = Base64.getEncoder().encodeToString("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        JsonNode response = call("""
                {"version":"2.0","routeKey":"GET /moments/{momentId}","rawPath":"/moments/m1",
                 "headers":{"authorization":"Bearer x","idempotency-key":"tap-1"},"cookies":["a=b"],
                 "queryStringParameters":{"limit":"5"},"pathParameters":{"momentId":"m1"},
                 "requestContext":{"http":{"method":"GET"},"authorizer":{"jwt":{"scopes":null,
                   "claims":{"email":"a@b","sub":"user-1"}}},"timeEpoch":1},
                 "body":"%s","isBase64Encoded":true,"stageVariables":null}
                """.formatted(body));
        assertEquals(200, response.get("statusCode").asInt());
        assertEquals("application/json", response.get("headers").get("content-type").asText());
        assertEquals(false, response.get("isBase64Encoded").asBoolean());
        JsonNode answer = JsonTrees.tree(response.get("body").asText());
        assertEquals("GET /moments/{momentId}", answer.get("route").asText());
        assertEquals("user-1", answer.get("caller").asText());
        assertEquals("m1", answer.get("id").asText());
        assertEquals(5, answer.get("limit").asInt());
        assertEquals("{\"a\":\"é\"}", answer.get("body").asText());
        assertEquals("tap-1", answer.get("key").asText());
    }

    @Test
    void aMalformedIdempotencyKeyIsA400NamingIt() throws Exception {
        JsonNode response = call("""
                {"routeKey":"GET /moments/{momentId}","pathParameters":{"momentId":"m1"},
                 "headers":{"Idempotency-Key":"no spaces allowed"}}
                """);
        assertEquals(400, response.get("statusCode").asInt());
        assertEquals("Idempotency-Key", JsonTrees.tree(response.get("body").asText()).path("error").path("field").asText());
    }

    @Test
    void noTokenMeansNoCallerAndGarbageIsA400() throws Exception {
        JsonNode response = call("{\"routeKey\":\"GET /moments/{momentId}\",\"pathParameters\":{\"momentId\":\"m1\"}}");
        assertEquals("null", JsonTrees.tree(response.get("body").asText()).get("caller").asText());
        assertEquals(400, call("not json").get("statusCode").asInt());
        assertEquals(400, call("[1]").get("statusCode").asInt());
    }

    @Test
    void readsTheCallersCognitoGroupsAsApiGatewayFlattensThem() throws Exception {
        JsonNode response = call("""
                {"routeKey":"GET /moments/{momentId}","pathParameters":{"momentId":"m1"},
                 "requestContext":{"authorizer":{"jwt":{"claims":{"sub":"user-1","cognito:groups":"[moderators admins]"}}}}}
                """);
        assertEquals("admins,moderators", JsonTrees.tree(response.get("body").asText()).get("groups").asText());
    }

    @Test
    void groupsAreReadInEveryFormTheClaimTakesAndGuardARoute() {
        assertEquals(java.util.Set.of(), ApiRequest.groups(null));
        assertEquals(java.util.Set.of(), ApiRequest.groups("[]"));
        assertEquals(java.util.Set.of("admins"), ApiRequest.groups("admins"));
        assertEquals(java.util.Set.of("admins", "moderators"), ApiRequest.groups("[\"admins\",\"moderators\"]"));
        ApiRequest plain = new ApiRequest("GET /x", "u1", null, null, null, "r");
        var refused = org.junit.jupiter.api.Assertions.assertThrows(app.realmoments.error.Problem.class,
                () -> plain.callerIn("moderators"));
        assertEquals(403, refused.kind().status);
        ApiRequest moderator = new ApiRequest("GET /x", "u1", null, null, null, "r", null, ApiRequest.groups("[moderators]"));
        assertEquals("u1", moderator.callerIn("moderators"));
        ApiRequest anonymous = new ApiRequest("GET /x", null, null, null, null, "r", null, ApiRequest.groups("[moderators]"));
        assertEquals(401, org.junit.jupiter.api.Assertions.assertThrows(app.realmoments.error.Problem.class,
                () -> anonymous.callerIn("moderators")).kind().status);
    }

    @Test
    void primingRunsWithoutARoute() {
        HttpApi.prime(); // throws if any step of the HTTP, JSON or record paths fails
    }
}
