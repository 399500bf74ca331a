package app.realmoments.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static app.realmoments.testing.CapturedLogs.emf;
import static app.realmoments.testing.CapturedLogs.only;

import app.realmoments.testing.CapturedLogs;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** What an HTTP function leaves in CloudWatch per request: one log line and one embedded-metric line. */
@ResourceLock(Resources.SYSTEM_OUT)
class HttpApiObservabilityTest {

    private final HttpApi api = new HttpApi() {
        @Override
        protected ApiResponse route(ApiRequest request) {
            return switch (request.routeKey()) {
                case "GET /moments/{momentId}" -> ApiResponse.ok(Map.of("ok", true));
                case "GET /boom" -> throw new IllegalStateException("table real-moments-dev-Moments is gone");
                default -> throw unknownRoute(request);
            };
        }
    };

    @Test
    void aRequestLogsItsCallerMomentStatusAndCountsOneRequest() {
        List<JsonNode> lines = CapturedLogs.capture(() -> api.handleRequest(
                event("GET /moments/{momentId}", Map.of("momentId", "01JD8X3Q6Z7V9K2M4N5P6R7S8T"), "ana"),
                new TestContext("req-7")));

        JsonNode log = only(lines, "request handled");
        assertEquals("req-7", log.get("requestId").asText());
        assertEquals("test", log.get("function").asText());
        assertEquals("GET /moments/{momentId}", log.get("route").asText());
        assertEquals("ana", log.get("userId").asText());
        assertEquals("01JD8X3Q6Z7V9K2M4N5P6R7S8T", log.get("momentId").asText());
        assertEquals(200, log.get("status").asInt());
        assertEquals("ok", log.get("outcome").asText());
        assertTrue(log.has("durationMs"));
        assertFalse(lines.toString().contains("Bearer") || lines.toString().contains("secret-token"), "no token is ever logged");

        JsonNode metric = emf(lines);
        assertEquals(1, metric.get("Requests").asInt());
        assertEquals(0, metric.get("Errors5xx").asInt());
        assertEquals("test", metric.get("function").asText());
    }

    @Test
    void anUnexpectedFailureKeepsItsStackTraceInTheLogAndCountsA5xx() {
        List<JsonNode> lines = CapturedLogs.capture(() -> api.handleRequest(event("GET /boom", null, "ana"), new TestContext("req-8")));

        JsonNode log = only(lines, "unexpected error");
        assertEquals("ERROR", log.get("level").asText());
        assertTrue(log.get("stackTrace").asText().contains("IllegalStateException"));
        assertEquals("error", log.get("outcome").asText());
        assertEquals(1, emf(lines).get("Errors5xx").asInt());
    }

    @Test
    void onlyTheFirstRequestOfAContainerIsAColdStart() {
        CapturedLogs.capture(() -> api.handleRequest(event("GET /boom", null, "ana"), new TestContext("warm-up")));
        List<JsonNode> later = CapturedLogs.capture(() -> api.handleRequest(event("GET /boom", null, "ana"), new TestContext("req-9")));
        assertFalse(emf(later).has("ColdStart"), later.toString());
    }

    private static APIGatewayV2HTTPEvent event(String routeKey, Map<String, String> path, String caller) {
        var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", caller)).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build()).build();
        return APIGatewayV2HTTPEvent.builder().withRouteKey(routeKey).withPathParameters(path)
                .withHeaders(Map.of("authorization", "Bearer secret-token")).withRequestContext(context).build();
    }
}
