package app.realmoments.functions.campusapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusService;
import app.realmoments.campus.CampusVerification;
import app.realmoments.campus.VerificationCodes;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryMembershipStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.RecordingMailer;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campus routes as API Gateway delivers them (events/): an admin registers a campus, Maya verifies and leaves. */
class CampusApiTest {

    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String KEY = "test-cursor-signing-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryCampusRegistry registry = new InMemoryCampusRegistry();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryMembershipStore membership = new InMemoryMembershipStore(profiles);
    private final RecordingMailer mailer = new RecordingMailer();
    private final Clock clock = Clock.systemUTC();
    private final CampusApi api = new CampusApi(
            new CampusService(registry, membership, profiles, new Cursors(KEY), clock),
            new CampusVerification(registry, membership, profiles, mailer, new VerificationCodes(KEY),
                    Services.noQuotas(), new Ids(), clock));

    @BeforeEach
    void maya() {
        Instant now = Instant.now();
        profiles.save(new Profile(MAYA, "maya.lin", "Maya Lin", null, now, now, null), null);
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
    void anAdminRegistersTheCampusMayaVerifiesHerSchoolEmailAndLeaves() throws Exception {
        JsonNode created = body(201, call(event("admin-campus-put.json")));
        assertEquals("America/Los_Angeles", created.path("timeZone").asText());
        body(200, call(event("admin-campus-put.json")));
        JsonNode listed = body(200, call(event("campuses-get.json")));
        assertEquals("uc-berkeley", listed.path("items").get(0).path("campusId").asText());
        assertEquals("berkeley.edu", listed.path("items").get(0).path("emailDomains").get(0).asText());

        JsonNode started = body(202, call(event("campus-verification-post.json")));
        assertFalse(started.path("verificationId").asText().isEmpty());
        assertEquals("maya.lin@berkeley.edu", mailer.sent.getLast().to());

        APIGatewayV2HTTPEvent confirm = event("campus-verification-confirm-post.json");
        String wrong = mailer.lastCode().equals("042917") ? "042918" : "042917";
        confirm.setBody("{\"code\":\"" + wrong + "\"}");
        assertEquals("wrong_code", body(400, call(confirm)).path("error").path("code").asText());
        confirm.setBody("{\"code\":\"" + mailer.lastCode() + "\"}");
        JsonNode me = body(200, call(confirm));
        assertEquals("uc-berkeley", me.path("campusId").asText());
        assertTrue(me.has("campusVerifiedAt"), me.toString());

        assertEquals(204, call(event("campus-delete.json")).getStatusCode());
        assertTrue(profiles.find(MAYA).orElseThrow().campusId() == null, "Maya belongs to no campus");
    }

    @Test
    void onlyAdminsEditTheRegistry() throws Exception {
        APIGatewayV2HTTPEvent put = event("admin-campus-put.json");
        put.getRequestContext().getAuthorizer().getJwt().getClaims().remove("cognito:groups");
        assertEquals("forbidden", body(403, call(put)).path("error").path("code").asText());
        put.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[moderators]");
        assertEquals(403, call(put).getStatusCode());
        assertTrue(registry.page(10, null).campuses().isEmpty(), "nothing was written");
    }

    @Test
    void anAddressOutsideTheCampusDomainsIsA400AndSendsNothing() throws Exception {
        body(201, call(event("admin-campus-put.json")));
        APIGatewayV2HTTPEvent start = event("campus-verification-post.json");
        start.setBody("{\"campusId\":\"uc-berkeley\",\"email\":\"maya@berkeley.edu.evil.example\"}");
        assertEquals("email_not_of_campus", body(400, call(start)).path("error").path("code").asText());
        start.setBody("{\"campusId\":\"uc-berkeley\",\"email\":\"not an email\"}");
        assertEquals("email", body(400, call(start)).path("error").path("field").asText());
        assertTrue(mailer.sent.isEmpty());
    }
}
