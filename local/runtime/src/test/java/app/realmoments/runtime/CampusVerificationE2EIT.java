package app.realmoments.runtime;

import static app.realmoments.runtime.ClientApp.JSON;
import static app.realmoments.runtime.ClientApp.call;
import static app.realmoments.runtime.ClientApp.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * END-TO-END: verified campuses on the local stack, as a student meets them. The registry is the one
 * {@code make dev} seeds from local/campuses.json; codes arrive as emails through the emulator's SES
 * and are read at GET /_local/emails.
 */
@Tag("e2e")
@DisplayName("End-to-end: only verified students of a campus see its moments")
class CampusVerificationE2EIT {

    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "CampusApiFunction",
            "MomentsApiFunction", "FeedApiFunction", "UploadProcessorFunction", "FeedFanoutFunction");

    private static DevStack stack;

    @BeforeAll
    static void start() {
        stack = ClientApp.start(DevStack.Options.builder().quiet(true).build(), FUNCTIONS_NEEDED);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static String student(String name) throws Exception {
        String token = stack.token("campus-" + name);
        expect(200, call(stack, "PUT", "/me", token, Map.of("handle", "campus_" + name, "displayName", name)));
        return token;
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("error").path("code").asText();
    }

    private static HttpResponse<String> send(String token, String method, String path, Object body) throws Exception {
        return call(stack, method, path, token, body);
    }

    private static List<String> campusFeed(String token, String campusId) throws Exception {
        List<String> ids = new ArrayList<>();
        JsonNode page = JSON.readTree(expect(200, call(stack, "GET", "/campuses/" + campusId + "/feed", token, null)).body());
        page.path("items").forEach(item -> ids.add(item.path("momentId").asText()));
        return ids;
    }

    @Test
    void aStudentVerifiesSeesTheCampusAndLeavesTakingHerMomentsOutOfIt() throws Exception {
        JsonNode registry = JSON.readTree(expect(200, call(stack, "GET", "/campuses", student("reader"), null)).body());
        List<String> seeded = new ArrayList<>();
        registry.path("items").forEach(c -> seeded.add(c.path("campusId").asText()));
        assertTrue(seeded.containsAll(List.of("north-campus", "state-u")), registry.toString());

        String ana = student("ana");
        String ben = student("ben");
        String eve = student("eve");

        // typing a campus makes nobody a member
        HttpResponse<String> typed = send(eve, "PUT", "/me", Map.of("handle", "campus_eve", "displayName", "eve",
                "campusId", "north-campus"));
        assertEquals(400, typed.statusCode());
        assertEquals("campus_requires_verification", error(typed));
        assertEquals(403, send(eve, "GET", "/campuses/north-campus/feed", null).statusCode());

        // an address outside the campus's domains, and one at a look-alike domain
        for (String email : List.of("ana@state.example.edu", "ana@north.example.edu.evil.example")) {
            HttpResponse<String> refused = send(ana, "POST", "/me/campus/verification",
                    Map.of("campusId", "north-campus", "email", email));
            assertEquals(400, refused.statusCode(), refused.body());
            assertEquals("email_not_of_campus", error(refused));
        }

        // the address as the student typed it; the code goes to its lower-case form
        expect(202, call(stack, "POST", "/me/campus/verification", ana,
                Map.of("campusId", "north-campus", "email", "Ana.Lopez@North.Example.EDU")));
        String code = ClientApp.codeSentTo(stack, "ana.lopez@north.example.edu");
        String wrong = code.equals("000000") ? "111111" : "000000";
        HttpResponse<String> wrongly = send(ana, "POST", "/me/campus/verification/confirm", Map.of("code", wrong));
        assertEquals(400, wrongly.statusCode());
        assertEquals("wrong_code", error(wrongly));
        JsonNode me = JSON.readTree(expect(200, call(stack, "POST", "/me/campus/verification/confirm", ana,
                Map.of("code", code))).body());
        assertEquals("north-campus", me.path("campusId").asText(), me.toString());
        assertTrue(me.has("campusVerifiedAt"), me.toString());

        // one school email, one account
        HttpResponse<String> taken = send(ben, "POST", "/me/campus/verification",
                Map.of("campusId", "north-campus", "email", "ana.lopez@north.example.edu"));
        assertEquals(409, taken.statusCode(), taken.body());
        assertEquals("email_taken", error(taken));
        ClientApp.joinCampus(stack, ben, "north-campus");

        String moment = ClientApp.publish(stack, ana, "campus", "the quad, for north campus");
        ClientApp.poll("the campus feed holds Ana's moment", Duration.ofSeconds(60), () -> campusFeed(ben, "north-campus"),
                feed -> feed.contains(moment));
        expect(200, call(stack, "GET", "/moments/" + moment, ben, null));

        // Ana leaves: her campus moment leaves the campus feed at once, and she the campus
        expect(204, call(stack, "DELETE", "/me/campus", ana, null));
        assertFalse(campusFeed(ben, "north-campus").contains(moment), "gone from the campus feed");
        assertEquals(404, send(ben, "GET", "/moments/" + moment, null).statusCode());
        expect(200, call(stack, "GET", "/moments/" + moment, ana, null));
        JsonNode left = JSON.readTree(expect(200, call(stack, "GET", "/me", ana, null)).body());
        assertFalse(left.has("campusId"), left.toString());
        assertEquals(403, send(ana, "GET", "/campuses/north-campus/feed", null).statusCode());

        // her address is free again: Eve, who typed a campus, verifies it properly
        expect(202, call(stack, "POST", "/me/campus/verification", eve,
                Map.of("campusId", "north-campus", "email", "ana.lopez@north.example.edu")));
    }

    @Test
    void onlyAdminsEditTheRegistry() throws Exception {
        String student = student("mallory");
        Map<String, Object> campus = Map.of("name", "River College", "timeZone", "America/Denver",
                "emailDomains", List.of("river.example.edu"));
        assertEquals(403, send(student, "PUT", "/admin/campuses/river-college", campus).statusCode());

        String admin = stack.login("campus-admin", List.of("admins")).idToken();
        expect(201, call(stack, "PUT", "/admin/campuses/river-college", admin, campus));
        expect(200, call(stack, "PUT", "/admin/campuses/river-college", admin, campus));
        HttpResponse<String> badZone = send(admin, "PUT", "/admin/campuses/river-college",
                Map.of("name", "River College", "timeZone", "Mars/Olympus", "emailDomains", List.of("river.example.edu")));
        assertEquals(400, badZone.statusCode(), badZone.body());
        JsonNode registry = JSON.readTree(expect(200, call(stack, "GET", "/campuses?limit=50", student, null)).body());
        assertTrue(registry.toString().contains("river.example.edu"), registry.toString());

        ClientApp.joinCampus(stack, student, "river-college");
    }
}
