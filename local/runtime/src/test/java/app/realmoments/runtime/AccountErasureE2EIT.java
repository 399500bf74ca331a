package app.realmoments.runtime;

import static app.realmoments.runtime.ClientApp.JSON;
import static app.realmoments.runtime.ClientApp.expect;
import static app.realmoments.runtime.ClientApp.poll;
import static app.realmoments.runtime.ClientApp.subject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.media.TestPhotos;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * END-TO-END: a user with everything (a campus, friends, a block each way, moments with two images,
 * reactions and comments on a friend's moment and the friend's on theirs, inbox items both ways, a device,
 * an export, a report she filed, a report of her moment and one of herself) deletes the account; once the
 * eraser is done, no item of any table (every attribute; the indexes are projections of them) and no object
 * of any bucket (keys and metadata) of the local stack names the user's id, handle or school email (nor her
 * moments' ids, but in the cases that keep the reports against them for the moderators), while the others'
 * data is intact, the counts on their moments are right and the queue still shows the cases against her.
 * The user's token, still valid, gets 401 everywhere; DELETE /me again is 202; nothing answered a 5xx.
 */
@Tag("e2e")
@DisplayName("End-to-end: DELETE /me erases everything of the user")
class AccountErasureE2EIT {

    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "CampusApiFunction",
            "SocialApiFunction", "MomentsApiFunction", "FeedApiFunction", "InteractionsApiFunction",
            "NotificationsApiFunction", "UploadProcessorFunction", "FeedFanoutFunction", "ActivityRelayFunction",
            "NotificationDispatcherFunction", "AccountApiFunction", "AccountEraserFunction", "ExportApiFunction",
            "ExporterFunction", "ModerationApiFunction");

    private static DevStack stack;
    private static final List<Integer> statuses = new ArrayList<>();

    @BeforeAll
    static void start() {
        stack = ClientApp.start(DevStack.Options.forRepository(), FUNCTIONS_NEEDED);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpResponse<String> response = ClientApp.call(stack, method, path, token, body);
        statuses.add(response.statusCode());
        return response;
    }

    private static void befriend(String a, String b, String bId, String aId) throws Exception {
        assertTrue(call("POST", "/friends/requests", a, Map.of("userId", bId)).statusCode() / 100 == 2);
        assertTrue(call("POST", "/friends/requests/" + aId + "/accept", b, null).statusCode() / 100 == 2);
    }

    /** A moment with both images, uploaded with their presigned PUTs, waited for until published. */
    static String publishWithTwoImages(String token, String caption) throws Exception {
        byte[] back = TestPhotos.phoneJpeg(320, 240, 1);
        byte[] front = TestPhotos.phoneJpeg(240, 320, 1);
        JsonNode moment = JSON.readTree(expect(201, call("POST", "/moments", token, Map.of("caption", caption,
                "audience", "friends", "images", List.of(
                        Map.of("role", "back", "contentType", "image/jpeg", "contentLength", back.length),
                        Map.of("role", "front", "contentType", "image/jpeg", "contentLength", front.length))))).body());
        for (JsonNode upload : moment.path("uploads")) {
            byte[] bytes = upload.path("role").asText().equals("back") ? back : front;
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).timeout(Duration.ofSeconds(30));
            for (var header : upload.path("headers").properties()) {
                String name = header.getKey().toLowerCase(Locale.ROOT);
                if (!name.equals("content-length") && !name.equals("host")) {
                    put.header(header.getKey(), header.getValue().asText());
                }
            }
            assertEquals(200, ClientApp.http().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        String momentId = moment.path("momentId").asText();
        JsonNode done = poll("moment " + momentId + " published", Duration.ofSeconds(60),
                () -> JSON.readTree(call("GET", "/moments/" + momentId, token, null).body()),
                m -> !m.path("status").asText().equals("pending"));
        assertEquals("published", done.path("status").asText(), done.toString());
        return momentId;
    }

    /** Every item of every table and every object (key and metadata) of every bucket naming one of the strings. */
    static List<String> naming(List<String> strings) {
        return naming(strings, List.of());
    }

    /**
     * The same, and {@code contentIds} anywhere but in the moderation table, whose cases and reports keep pointing
     * at erased content (the queue shows it gone) for the moderators' audit.
     */
    static List<String> naming(List<String> strings, List<String> contentIds) {
        List<String> hits = new ArrayList<>();
        var aws = stack.aws();
        String moderation = contentIds.isEmpty() ? null : stack.physical("ModerationTable").ref();
        for (String table : aws.dynamo().listTables().tableNames()) {
            aws.dynamo().scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
                String text = item.toString();
                strings.stream().filter(text::contains).forEach(s -> hits.add(table + ": " + text));
                if (!table.equals(moderation)) {
                    contentIds.stream().filter(text::contains).forEach(s -> hits.add(table + ": " + text));
                }
            });
        }
        for (var bucket : aws.s3().listBuckets().buckets()) {
            aws.s3().listObjectsV2Paginator(r -> r.bucket(bucket.name())).contents().forEach(object -> {
                String metadata;
                try {
                    metadata = aws.s3().headObject(r -> r.bucket(bucket.name()).key(object.key())).metadata().toString();
                } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException deletedMeanwhile) {
                    return; // the eraser is at work while we look
                }
                String text = object.key() + " " + metadata;
                strings.stream().filter(text::contains).forEach(s -> hits.add(bucket.name() + ": " + text));
            });
        }
        return hits;
    }

    /**
     * DELETE /me again: the function answers 202 (as it does in the cloud, where API Gateway's JWT authorizer
     * never asks the pool); locally the authorizer refuses a disabled or deleted pool user first (401).
     */
    private static void askAgain(String token) throws Exception {
        HttpResponse<String> again = call("DELETE", "/me", token, null);
        assertTrue(again.statusCode() == 202 || again.statusCode() == 401, again.statusCode() + " " + again.body());
        if (again.statusCode() == 202) {
            assertEquals("{\"status\":\"deleting\"}", again.body());
        }
    }

    /** The moderation queue's open cases (every page). */
    private static List<JsonNode> queue(String moderator) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(expect(200, call("GET", "/moderation/reports?limit=50"
                    + (cursor == null ? "" : "&cursor=" + cursor), moderator, null)).body());
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    @Test
    void deletingAnAccountLeavesNothingOfItAndKeepsEveryoneElses() throws Exception {
        String erin = stack.token("erin-erasure");
        String bob = stack.token("bob-erasure");
        String carol = stack.token("carol-erasure");
        String dan = stack.token("dan-erasure");
        String erinId = subject(erin);
        String bobId = subject(bob);
        String carolId = subject(carol);
        String danId = subject(dan);
        expect(200, call("PUT", "/me", erin, Map.of("handle", "erin_gone", "displayName", "Erin Erased")));
        expect(200, call("PUT", "/me", bob, Map.of("handle", "bob_stays", "displayName", "Bob")));
        expect(200, call("PUT", "/me", carol, Map.of("handle", "carol_stays", "displayName", "Carol")));
        expect(200, call("PUT", "/me", dan, Map.of("handle", "dan_stays", "displayName", "Dan")));
        JsonNode joined = ClientApp.joinCampus(stack, erin, "north-campus");
        String schoolEmail = "s" + erinId.replace("-", "").substring(0, 12) + "@north.example.edu";
        assertTrue(joined.toString().contains("north-campus"), joined.toString());

        befriend(erin, bob, bobId, erinId);
        befriend(bob, carol, carolId, bobId);
        befriend(erin, carol, carolId, erinId);
        befriend(dan, erin, erinId, danId);
        assertTrue(call("PUT", "/blocks/" + carolId, erin, null).statusCode() / 100 == 2, "erin blocks carol");
        assertTrue(call("PUT", "/blocks/" + erinId, dan, null).statusCode() / 100 == 2, "dan blocks erin");
        expect(201, call("POST", "/me/devices", erin, Map.of("platform", "fcm", "token", "erin-device-token-1")));

        String erinsMoment = publishWithTwoImages(erin, "erin's last moment");
        String erinsFirst = publishWithTwoImages(erin, "erin's first moment");
        String bobsMoment = publishWithTwoImages(bob, "bob's moment");
        expect(200, call("PUT", "/moments/" + bobsMoment + "/reaction", erin, Map.of("emoji", "🔥")));
        expect(200, call("PUT", "/moments/" + bobsMoment + "/reaction", carol, Map.of("emoji", "🔥")));
        expect(201, call("POST", "/moments/" + bobsMoment + "/comments", erin, Map.of("text", "nice one bob")));
        expect(201, call("POST", "/moments/" + bobsMoment + "/comments", carol, Map.of("text", "agreed")));
        expect(200, call("PUT", "/moments/" + erinsMoment + "/reaction", bob, Map.of("emoji", "😂")));
        expect(201, call("POST", "/moments/" + erinsMoment + "/comments", bob, Map.of("text", "hi erin")));
        // inbox items both ways: bob's from erin (her reaction, comment), erin's from bob
        poll("bob's inbox has erin's reaction", Duration.ofSeconds(30),
                () -> call("GET", "/notifications", bob, null).body(), body -> body.contains(erinId));
        poll("erin's inbox has bob's comment", Duration.ofSeconds(30),
                () -> call("GET", "/notifications", erin, null).body(), body -> body.contains("\"comment\""));
        poll("erin's moment in bob's feed", Duration.ofSeconds(30),
                () -> call("GET", "/feed", bob, null).body(), body -> body.contains(erinsMoment));
        // an export of everything, ready in the exports bucket
        String exportId = JSON.readTree(expect(202, call("POST", "/me/export", erin, null)).body()).path("exportId").asText();
        poll("erin's export ready", Duration.ofSeconds(60),
                () -> JSON.readTree(call("GET", "/me/export/" + exportId, erin, null).body()).path("status").asText(),
                "ready"::equals);
        // reports: erin reports bob's moment (she alone), bob reports erin's moment, and bob reports erin herself
        String erinsReport = JSON.readTree(expect(201, call("POST", "/reports", erin, Map.of("targetType", "moment",
                "targetId", bobsMoment, "reason", "spam"))).body()).path("reportId").asText();
        expect(201, call("POST", "/reports", bob, Map.of("targetType", "moment", "targetId", erinsMoment, "reason", "nudity")));
        expect(201, call("POST", "/reports", bob, Map.of("targetType", "user", "targetId", erinId, "reason", "harassment")));
        String moderator = stack.login("mod-erasure", List.of("moderators")).idToken();
        assertTrue(queue(moderator).toString().contains(erinsReport), "erin's report is in the queue");
        List<String> names = List.of(erinId, "erin_gone", schoolEmail);
        List<String> contentIds = List.of(erinsMoment, erinsFirst);
        assertTrue(naming(names, contentIds).size() > 20, "the user is all over the stack first");

        long started = System.nanoTime();
        assertEquals("{\"status\":\"deleting\"}", expect(202, call("DELETE", "/me", erin, null)).body());
        askAgain(erin);
        expect(401, call("GET", "/me", erin, null));
        expect(401, call("POST", "/moments/" + bobsMoment + "/comments", erin, Map.of("text", "still here?")));

        List<String> left = poll("nothing left naming erin", Duration.ofSeconds(90), () -> naming(names, contentIds),
                List::isEmpty);
        System.out.printf("erasure of the E2E user: %d ms from DELETE /me to nothing left%n",
                (System.nanoTime() - started) / 1_000_000);
        assertEquals(List.of(), left);
        String pool = stack.physical("UserPool").ref();
        poll("the pool user deleted, last", Duration.ofSeconds(30), () -> stack.aws().cognito().listUsers(b -> b.userPoolId(pool)
                .filter("sub = \"" + erinId + "\"")).users().size(), n -> n == 0);

        // the others: profiles, friendship, bob's moment with its counts corrected, and feeds without erin
        assertTrue(call("GET", "/users/" + bobId, carol, null).statusCode() == 200);
        JsonNode bobs = JSON.readTree(expect(200, call("GET", "/moments/" + bobsMoment, bob, null)).body());
        assertEquals(1, bobs.path("reactions").path("counts").path("🔥").asInt(), bobs.toString());
        assertEquals(1, bobs.path("commentCount").asInt(), bobs.toString());
        String comments = expect(200, call("GET", "/moments/" + bobsMoment + "/comments", bob, null)).body();
        assertTrue(comments.contains("agreed") && !comments.contains("nice one bob"), comments);
        assertFalse(expect(200, call("GET", "/feed", bob, null)).body().contains(erinsMoment));
        assertTrue(expect(200, call("GET", "/friends", carol, null)).body().contains(bobId));
        expect(404, call("GET", "/moments/" + erinsMoment, bob, null));
        expect(404, call("GET", "/moments/" + erinsFirst, bob, null));
        // the moderators still see the cases against her (her moment, gone; herself, under a placeholder), not hers
        List<JsonNode> queued = queue(moderator);
        JsonNode moment = queued.stream().filter(q -> q.path("target").path("id").asText().equals(erinsMoment)).findFirst()
                .orElseThrow(() -> new AssertionError("her moment's case: " + queued));
        assertTrue(moment.path("contentGone").asBoolean() && moment.path("authorId").isMissingNode(), moment.toString());
        assertTrue(queued.stream().anyMatch(q -> q.path("target").path("type").asText().equals("user")
                && q.path("target").path("id").asText().startsWith("erased-")
                && q.path("reasons").toString().contains("harassment")), "her own case: " + queued);
        assertFalse(queued.toString().contains(erinsReport), "the report she filed is gone, and its case with it");
        // after the erasure: the deleted token is still refused, and asking again is still 202
        expect(401, call("GET", "/feed", erin, null));
        askAgain(erin);
        assertTrue(statuses.stream().noneMatch(s -> s >= 500), "no 5xx: " + statuses);
    }
}
