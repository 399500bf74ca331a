package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * END-TO-END: the authorization matrix of docs/authorization.md, on the local stack (every function
 * from its own jar: make build first). The expected statuses are read from that document's table, so
 * the document and the test cannot drift apart; the table observed is printed in the same form.
 *
 * <p>The story: an author with two published moments (friends and campus audience), an accepted
 * friend from another campus, a stranger from the author's campus and one from another, and two of
 * the author's friends whose moments feed already holds both moments when the blocks happen: one the
 * author blocks, one who blocks the author.
 */
@Tag("e2e")
@DisplayName("End-to-end: who may see and do what (docs/authorization.md)")
class AuthorizationMatrixE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "SocialApiFunction",
            "MomentsApiFunction", "FeedApiFunction", "UploadProcessorFunction", "FeedFanoutFunction",
            "NotificationDispatcherFunction", "InteractionsApiFunction", "CampusApiFunction", "ModerationApiFunction");
    /** The callers, in the document's column order, as its header names them. */
    private static final List<String> CALLERS = List.of("author", "friend", "same-campus stranger",
            "other-campus stranger", "blocked", "blocker");
    private static final String AUTHORS_CAMPUS = "north-campus";

    private static DevStack stack;
    private static HttpClient http;

    /** Caller name -> token, and -> user id (the token's sub). */
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Map<String, String> handles = new LinkedHashMap<>();
    private String friendsMoment;
    private String campusMoment;
    /** Written by the blocked user while still the author's friend. */
    private String blockedsComment;
    /** Caller -> the comment they wrote in the POST comments row. */
    private final Map<String, String> ownComments = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        stack = ClientApp.start(DevStack.Options.builder().quiet(true).build(), FUNCTIONS_NEEDED);
        http = ClientApp.http();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyCallerGetsWhatTheDocumentSays() throws Exception {
        Matrix expected = Matrix.read(stack.root().resolve("docs/authorization.md"));
        assertEquals(CALLERS, expected.callers(), "the document's columns");
        Map<String, Row> rows = rows();
        assertEquals(rows.keySet(), expected.cells().keySet(),
                "the document's rows and the rows this test knows how to call");

        setUpTheStory();

        Map<String, Map<String, String>> observed = new LinkedHashMap<>();
        List<String> leaks = new ArrayList<>();
        for (String route : expected.cells().keySet()) {
            Row row = rows.get(route);
            Map<String, String> cells = new LinkedHashMap<>();
            List<String> order = new ArrayList<>(CALLERS.subList(1, CALLERS.size()));
            order.add("author"); // last: the author's call may change what the others would meet
            for (String caller : order) {
                Outcome outcome = row.call(caller, false);
                cells.put(caller, outcome.cell());
                if (outcome.status() == 404 && (caller.equals("blocked") || caller.equals("blocker"))) {
                    Outcome unknown = row.call(caller, true);
                    if (unknown.status() != 404 || !unknown.body().equals(outcome.body())) {
                        leaks.add(route + " as " + caller + ": " + outcome.body() + " but for an unknown id "
                                + unknown.status() + " " + unknown.body());
                    }
                }
            }
            Map<String, String> inOrder = new LinkedHashMap<>();
            CALLERS.forEach(caller -> inOrder.put(caller, cells.get(caller)));
            observed.put(route, inOrder);
        }

        System.out.println("Authorization matrix observed on the local stack:\n\n" + Matrix.markdown(CALLERS, observed));
        assertEquals(Matrix.markdown(CALLERS, expected.cells()), Matrix.markdown(CALLERS, observed),
                "docs/authorization.md (expected) against the local stack (actual)");
        assertTrue(leaks.isEmpty(), "a block showed through: " + leaks);
    }

    // ------------------------------------------------------------------ the story

    private void setUpTheStory() throws Exception {
        Map<String, String> campus = Map.of("author", AUTHORS_CAMPUS, "friend", "state-u",
                "same-campus stranger", "north-campus", "other-campus stranger", "state-u",
                "blocked", "north-campus", "blocker", "north-campus");
        for (String caller : CALLERS) {
            String login = "matrix-" + caller.replace(' ', '-');
            String token = stack.token(login);
            tokens.put(caller, token);
            ids.put(caller, subject(token));
            String handle = login.replace('-', '_');
            handles.put(caller, handle);
            expect(200, call(caller, "PUT", "/me", Map.of("handle", handle, "displayName", caller)));
            ClientApp.joinCampus(stack, token, campus.get(caller));
        }
        for (String friend : List.of("friend", "blocked", "blocker")) {
            expect(200, call("author", "POST", "/friends/requests", Map.of("userId", ids.get(friend))));
            expect(200, call(friend, "POST", "/friends/requests/" + ids.get("author") + "/accept", null));
        }

        friendsMoment = publish("friends");
        campusMoment = publish("campus");
        for (String friend : List.of("friend", "blocked", "blocker")) {
            poll(friend + "'s feed holds both moments", () -> feed(friend),
                    feed -> feed.contains(friendsMoment) && feed.contains(campusMoment));
        }
        poll("the campus feed holds the campus moment", () -> campusFeedOutcome("author", campusMoment).listed(),
                "listed"::equals);

        blockedsComment = JSON.readTree(expect(201, call("blocked", "POST", "/moments/" + campusMoment + "/comments",
                Map.of("text", "before the block"))).body()).path("commentId").asText();

        expect(204, call("author", "PUT", "/blocks/" + ids.get("blocked"), null));
        expect(204, call("blocker", "PUT", "/blocks/" + ids.get("author"), null));
    }

    private String publish(String audience) throws Exception {
        return ClientApp.publish(stack, tokens.get("author"), audience, "a " + audience + " moment");
    }

    // ------------------------------------------------------------------ the rows

    /** One row of the matrix: how each caller calls it, about the author (or, for the check, about nobody). */
    private interface Row {
        Outcome call(String caller, boolean unknownTarget) throws Exception;
    }

    /** What a call answered: its status, a feed cell's listed/absent, and the body. */
    private record Outcome(int status, String listed, String body) {

        String cell() {
            return listed == null ? Integer.toString(status) : status + " " + listed;
        }
    }

    private Map<String, Row> rows() {
        Map<String, Row> rows = new LinkedHashMap<>();
        rows.put("`GET /users/{author}`", (caller, unknown) ->
                outcome(call(caller, "GET", "/users/" + user(unknown), null)));
        rows.put("`GET /moments/{friendsMoment}`", (caller, unknown) ->
                outcome(call(caller, "GET", "/moments/" + moment(friendsMoment, unknown), null)));
        rows.put("`GET /moments/{campusMoment}`", (caller, unknown) ->
                outcome(call(caller, "GET", "/moments/" + moment(campusMoment, unknown), null)));
        rows.put("`GET /feed`: the friends moment", (caller, unknown) -> feedOutcome(caller, friendsMoment));
        rows.put("`GET /feed`: the campus moment", (caller, unknown) -> feedOutcome(caller, campusMoment));
        rows.put("`POST /friends/requests/{author}/accept`", (caller, unknown) ->
                outcome(call(caller, "POST", "/friends/requests/" + user(unknown) + "/accept", null)));
        rows.put("`POST /friends/requests` `{\"userId\": author}`", (caller, unknown) ->
                outcome(call(caller, "POST", "/friends/requests", Map.of("userId", user(unknown)))));
        rows.put("`DELETE /friends/requests/{author}`", (caller, unknown) ->
                outcome(call(caller, "DELETE", "/friends/requests/" + user(unknown), null)));
        rows.put("`DELETE /friends/{author}`", (caller, unknown) ->
                outcome(call(caller, "DELETE", "/friends/" + user(unknown), null)));
        rows.put("`PUT /blocks/{author}`", (caller, unknown) ->
                outcome(call(caller, "PUT", "/blocks/" + user(unknown), null)));
        rows.put("`PUT /moments/{campusMoment}/reaction`", (caller, unknown) -> outcome(call(caller, "PUT",
                "/moments/" + moment(campusMoment, unknown) + "/reaction", Map.of("emoji", "🔥"))));
        rows.put("`DELETE /moments/{campusMoment}/reaction`", (caller, unknown) -> outcome(call(caller, "DELETE",
                "/moments/" + moment(campusMoment, unknown) + "/reaction", null)));
        rows.put("`POST /moments/{campusMoment}/comments`", (caller, unknown) -> {
            HttpResponse<String> response = call(caller, "POST", "/moments/" + moment(campusMoment, unknown)
                    + "/comments", Map.of("text", "a comment by " + caller));
            if (response.statusCode() == 201 && !unknown) {
                ownComments.put(caller, JSON.readTree(response.body()).path("commentId").asText());
            }
            return outcome(response);
        });
        rows.put("`GET /moments/{campusMoment}/comments`", (caller, unknown) -> outcome(call(caller, "GET",
                "/moments/" + moment(campusMoment, unknown) + "/comments", null)));
        rows.put("`DELETE /moments/{campusMoment}/comments/{their own comment}`", (caller, unknown) ->
                outcome(call(caller, "DELETE", "/moments/" + moment(campusMoment, unknown) + "/comments/"
                        + ownComments.getOrDefault(caller, randomUlid()), null)));
        rows.put("`DELETE /moments/{campusMoment}/comments/{blockedsComment}`", (caller, unknown) ->
                outcome(call(caller, "DELETE", "/moments/" + moment(campusMoment, unknown) + "/comments/"
                        + blockedsComment, null)));
        rows.put("`GET /campuses/{the author's campus}/feed`: the campus moment", (caller, unknown) ->
                campusFeedOutcome(caller, campusMoment));
        rows.put("`PUT /me` `{\"campusId\": the author's campus}`", (caller, unknown) -> outcome(call(caller, "PUT",
                "/me", Map.of("handle", handles.get(caller), "displayName", caller, "campusId", AUTHORS_CAMPUS))));
        rows.put("`PUT /admin/campuses/{the author's campus}`", (caller, unknown) -> outcome(call(caller, "PUT",
                "/admin/campuses/" + AUTHORS_CAMPUS, Map.of("name", "Taken Over", "timeZone", "UTC",
                        "emailDomains", List.of("attacker.example")))));
        rows.put("`PUT /admin/campuses/{the author's campus}/members/{author}`", (caller, unknown) -> outcome(call(caller,
                "PUT", "/admin/campuses/" + AUTHORS_CAMPUS + "/members/" + user(unknown), null)));
        rows.put("`GET /moderation/reports`", (caller, unknown) ->
                outcome(call(caller, "GET", "/moderation/reports", null)));
        rows.put("`POST /moderation/reports/{a report}/resolve`", (caller, unknown) -> outcome(call(caller, "POST",
                "/moderation/reports/" + randomUlid() + "/resolve", Map.of("action", "dismiss"))));
        rows.put("`GET /moderation/audit`", (caller, unknown) ->
                outcome(call(caller, "GET", "/moderation/audit", null)));
        rows.put("`POST /reports` `{campusMoment}`", (caller, unknown) -> outcome(call(caller, "POST", "/reports",
                Map.of("targetType", "moment", "targetId", moment(campusMoment, unknown), "reason", "spam"))));
        rows.put("`GET /moments/{campusMoment}` after reporting it", (caller, unknown) ->
                outcome(call(caller, "GET", "/moments/" + moment(campusMoment, unknown), null)));
        rows.put("`GET /campuses/{the author's campus}/feed`: the campus moment, after reporting it", (caller, unknown) ->
                campusFeedOutcome(caller, campusMoment));
        rows.put("`DELETE /moments/{friendsMoment}`", (caller, unknown) ->
                outcome(call(caller, "DELETE", "/moments/" + moment(friendsMoment, unknown), null)));
        return rows;
    }

    private String user(boolean unknown) {
        return unknown ? UUID.randomUUID().toString() : ids.get("author");
    }

    private static String moment(String momentId, boolean unknown) {
        return unknown ? randomUlid() : momentId;
    }

    private static Outcome outcome(HttpResponse<String> response) {
        return new Outcome(response.statusCode(), null, response.body());
    }

    private Outcome feedOutcome(String caller, String momentId) throws Exception {
        HttpResponse<String> response = call(caller, "GET", "/feed?limit=50", null);
        String listed = response.statusCode() == 200
                ? (momentIds(JSON.readTree(response.body())).contains(momentId) ? "listed" : "absent") : null;
        return new Outcome(response.statusCode(), listed, response.body());
    }

    private Outcome campusFeedOutcome(String caller, String momentId) throws Exception {
        HttpResponse<String> response = call(caller, "GET", "/campuses/" + AUTHORS_CAMPUS + "/feed?limit=50", null);
        String listed = response.statusCode() == 200
                ? (momentIds(JSON.readTree(response.body())).contains(momentId) ? "listed" : "absent") : null;
        return new Outcome(response.statusCode(), listed, response.body());
    }

    private List<String> feed(String caller) throws Exception {
        HttpResponse<String> response = expect(200, call(caller, "GET", "/feed?limit=50", null));
        return momentIds(JSON.readTree(response.body()));
    }

    private static List<String> momentIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("momentId").asText()));
        return ids;
    }

    // ------------------------------------------------------------------ the document's table

    /** The table under "## Matrix" in docs/authorization.md: route -> caller -> cell. */
    record Matrix(List<String> callers, Map<String, Map<String, String>> cells) {

        static Matrix read(Path document) throws IOException {
            List<String> lines = Files.readAllLines(document);
            int at = lines.indexOf("## Matrix");
            assertTrue(at >= 0, document + " has no \"## Matrix\" section");
            while (!lines.get(at).startsWith("|")) {
                at++;
            }
            List<String> header = cells(lines.get(at));
            assertEquals("route", header.getFirst(), "the first column of the matrix");
            List<String> callers = header.subList(1, header.size());
            Map<String, Map<String, String>> rows = new LinkedHashMap<>();
            for (int i = at + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                List<String> row = cells(lines.get(i));
                assertEquals(header.size(), row.size(), "cells in: " + lines.get(i));
                Map<String, String> byCaller = new LinkedHashMap<>();
                for (int c = 0; c < callers.size(); c++) {
                    byCaller.put(callers.get(c), row.get(c + 1));
                }
                assertTrue(rows.put(row.getFirst(), byCaller) == null, "twice in the matrix: " + row.getFirst());
            }
            return new Matrix(List.copyOf(callers), rows);
        }

        private static List<String> cells(String line) {
            String inner = line.strip();
            inner = inner.substring(1, inner.length() - 1);
            List<String> cells = new ArrayList<>();
            for (String cell : inner.split("\\|", -1)) {
                cells.add(cell.strip());
            }
            return cells;
        }

        static String markdown(List<String> callers, Map<String, Map<String, String>> rows) {
            StringBuilder out = new StringBuilder("| route | " + String.join(" | ", callers) + " |\n|---");
            out.append("|---".repeat(callers.size())).append("|\n");
            rows.forEach((route, cells) -> {
                out.append("| ").append(route);
                callers.forEach(caller -> out.append(" | ").append(cells.get(caller)));
                out.append(" |\n");
            });
            return out.toString();
        }
    }

    // ------------------------------------------------------------------ HTTP

    private HttpResponse<String> call(String caller, String method, String path, Object body) throws Exception {
        return ClientApp.call(stack, method, path, tokens.get(caller), body);
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        return ClientApp.expect(status, response);
    }

    private static <T> T poll(String what, ClientApp.Fetch<T> fetch, Predicate<T> done) throws Exception {
        return ClientApp.poll(what, ASYNC_TIMEOUT, fetch, done);
    }

    private static String subject(String idToken) throws Exception {
        return ClientApp.subject(idToken);
    }

    /**
     * A well-formed moment id that no moment has. (Not testing.Ulids: the runtime's tests have the shared
     * test fixtures but not the shared library itself, whose classes reach the stack only in function jars.)
     */
    private static String randomUlid() {
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder("01");
        for (int i = 0; i < 24; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
