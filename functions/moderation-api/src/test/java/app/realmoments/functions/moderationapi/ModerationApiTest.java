package app.realmoments.functions.moderationapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.account.AccountSuspension;
import app.realmoments.account.ClosedAccounts;
import app.realmoments.account.UserDirectory;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.report.ModerationService;
import app.realmoments.report.ReportService;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryContentFlags;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryReportStore;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report and moderation routes as API Gateway delivers them (events/): Maya reports a user, then moderates. */
class ModerationApiTest {

    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String REPORTED = "01JD8X5B2C3D4E5F6G7H8J9K0M";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODERATION_EVENTS = List.of("moderation-reports-get.json",
            "moderation-report-resolve-post.json", "moderation-audit-get.json");

    private final Clock clock = Clock.systemUTC();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryInteractionStore interactions = new InMemoryInteractionStore(moments);
    private final InMemoryMediaStore media = new InMemoryMediaStore();
    private final InMemoryReportStore reports = new InMemoryReportStore(graph);
    private final InMemoryContentFlags flags = new InMemoryContentFlags(moments, interactions, profiles);
    private final List<String> disabled = new ArrayList<>();
    private final ModerationApi api;

    ModerationApiTest() {
        Instant now = Instant.now();
        profiles.save(new Profile(MAYA, "maya.lin", "Maya Lin", null, now, now, null), null);
        profiles.save(new Profile(REPORTED, "rude.one", "Rude One", null, now, now, null), null);
        UserDirectory accounts = new UserDirectory() {
            @Override
            public void disable(String userId) {
                disabled.add(userId);
            }

            @Override
            public void delete(String userId) {
            }
        };
        MomentVisibility visibility = new MomentVisibility(graph, profiles);
        api = new ModerationApi(
                new ReportService(reports, flags, moments, interactions, profiles, graph, graph, Services.noQuotas(),
                        new Ids(), clock, 3),
                new ModerationService(reports, flags, moments, Services.moments(moments, media, profiles, visibility,
                        new Ids(), clock), interactions, profiles, Services.views(media), new RecordingNotificationQueue(),
                        new AccountSuspension(accounts, ClosedAccounts.NONE, Duration.ofMinutes(60), clock), id -> { }, new Cursors("test-cursor-signing-key-0123456789abcdef"), new Ids(), clock));
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.handleRequest(event, new TestContext("r-" + System.nanoTime()));
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return Events.load(file, APIGatewayV2HTTPEvent.class);
    }

    private static JsonNode body(int status, APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(status, response.getStatusCode(), response.getBody());
        return response.getBody() == null ? null : JSON.readTree(response.getBody());
    }

    @Test
    void mayaReportsAUserAndAModeratorSuspendsThemOnce() throws Exception {
        String reportId = body(201, call(event("report-post.json"))).path("reportId").asText();
        assertEquals(reportId, body(200, call(event("report-post.json"))).path("reportId").asText(), "the same report");

        JsonNode queue = body(200, call(event("moderation-reports-get.json")));
        assertEquals(reportId, queue.path("items").get(0).path("reportId").asText());
        assertEquals("rude.one", queue.path("items").get(0).path("user").path("handle").asText());
        assertEquals(1, queue.path("items").get(0).path("reporters").asInt());

        APIGatewayV2HTTPEvent resolve = event("moderation-report-resolve-post.json");
        resolve.getPathParameters().put("reportId", reportId);
        resolve.setBody("{\"action\":\"suspend_author\",\"note\":\"threats\"}");
        JsonNode resolved = body(200, call(resolve));
        assertEquals("suspend_author", resolved.path("action").asText());
        assertEquals(MAYA, resolved.path("moderatorId").asText());
        assertEquals(List.of(REPORTED), disabled);
        assertEquals(resolved, body(200, call(resolve)), "acting twice answers the resolution that stands");

        JsonNode audit = body(200, call(event("moderation-audit-get.json")));
        assertEquals(1, audit.path("items").size());
        assertEquals("user", audit.path("items").get(0).path("target").path("type").asText());
    }

    @Test
    void everyModerationRouteIs403OutsideTheModeratorsGroup() throws Exception {
        for (String file : MODERATION_EVENTS) {
            APIGatewayV2HTTPEvent noGroup = event(file);
            noGroup.getRequestContext().getAuthorizer().getJwt().getClaims().remove("cognito:groups");
            assertEquals("forbidden", body(403, call(noGroup)).path("error").path("code").asText(), file);
            APIGatewayV2HTTPEvent admins = event(file);
            admins.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[admins]");
            body(403, call(admins));
        }
        assertEquals(0, reports.audit.size());
    }

    @Test
    void badReportsAre400WithTheirField() throws Exception {
        APIGatewayV2HTTPEvent wrongType = event("report-post.json");
        wrongType.setBody("{\"targetType\":5,\"targetId\":\"" + REPORTED + "\",\"reason\":\"spam\"}");
        assertEquals(400, call(wrongType).getStatusCode());
        APIGatewayV2HTTPEvent self = event("report-post.json");
        self.setBody("{\"targetType\":\"user\",\"targetId\":\"" + MAYA + "\",\"reason\":\"spam\"}");
        assertEquals("own_content", body(400, call(self)).path("error").path("code").asText());
        APIGatewayV2HTTPEvent reason = event("report-post.json");
        reason.setBody("{\"targetType\":\"user\",\"targetId\":\"" + REPORTED + "\",\"reason\":\"meh\"}");
        assertEquals("reason", body(400, call(reason)).path("error").path("field").asText());
    }
}
