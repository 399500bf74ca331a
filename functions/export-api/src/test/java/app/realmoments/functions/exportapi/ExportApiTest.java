package app.realmoments.functions.exportapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.export.ExportJob;
import app.realmoments.export.ExportService;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryExportArchives;
import app.realmoments.testing.InMemoryExportStore;
import app.realmoments.testing.InMemoryQuotaCounter;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The export routes as API Gateway delivers them (events/export-*.json): Maya asks for her data, Priya cannot see it. */
class ExportApiTest {

    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String PRIYA = "01JF2W8N3M5Q7R9T1V3X5Z7B9D";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryExportStore exports = new InMemoryExportStore();
    private final List<ExportJob> queued = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();
    private final ExportApi api = new ExportApi(new ExportService(exports, queued::add, new InMemoryExportArchives(),
            Quotas.configured(new InMemoryQuotaCounter(), name -> null, clock), new Ids(), clock));

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.handleRequest(event, new TestContext("r-" + System.nanoTime()));
    }

    private static JsonNode body(int status, APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return JSON.readTree(response.getBody());
    }

    private static APIGatewayV2HTTPEvent get(String exportId, String caller) {
        APIGatewayV2HTTPEvent event = Events.load("export-get.json", APIGatewayV2HTTPEvent.class);
        event.setPathParameters(Map.of("exportId", exportId));
        Map<String, String> claims = new HashMap<>(event.getRequestContext().getAuthorizer().getJwt().getClaims());
        claims.put("sub", caller);
        event.getRequestContext().getAuthorizer().getJwt().setClaims(claims);
        return event;
    }

    @Test
    void mayaAsksForHerDataAndSeesItPreparingThenReady() throws Exception {
        JsonNode started = body(202, call(Events.load("export-post.json", APIGatewayV2HTTPEvent.class)));
        String exportId = started.path("exportId").asText();
        assertEquals("preparing", started.path("status").asText());
        assertEquals(2, started.size(), started.toString());
        assertEquals(List.of(new ExportJob(MAYA, exportId)), queued);

        assertEquals("preparing", body(200, call(get(exportId, MAYA))).path("status").asText());
        exports.markReady(MAYA, exportId, Instant.now());
        JsonNode ready = body(200, call(get(exportId, MAYA)));
        assertEquals("ready", ready.path("status").asText());
        assertTrue(ready.path("url").asText().startsWith("https://"), ready.toString());
        assertTrue(Instant.parse(ready.path("expiresAt").asText()).isAfter(Instant.now().plusSeconds(6 * 86_400)));
    }

    @Test
    void anotherCallersIdAMalformedOneAndAMissingOneAnswerTheSame404() throws Exception {
        String exportId = body(202, call(Events.load("export-post.json", APIGatewayV2HTTPEvent.class))).path("exportId").asText();
        JsonNode theirs = body(404, call(get(exportId, PRIYA)));
        assertEquals("not_found", theirs.path("error").path("code").asText());
        assertEquals(theirs.path("error").path("message"), body(404, call(get("nope", MAYA))).path("error").path("message"));
        assertEquals(theirs.path("error").path("message"),
                body(404, call(get("01M8KR2V6X0B4Q9Y7T3N5D1HZC", MAYA))).path("error").path("message"));
    }

    @Test
    void pastThreeExportsADayA429WithRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            body(202, call(Events.load("export-post.json", APIGatewayV2HTTPEvent.class)));
        }
        APIGatewayV2HTTPResponse refused = call(Events.load("export-post.json", APIGatewayV2HTTPEvent.class));
        assertEquals("throttled", body(429, refused).path("error").path("code").asText());
        assertTrue(Long.parseLong(refused.getHeaders().get("retry-after")) > 0);
        assertEquals(3, queued.size());
    }
}
