package app.realmoments.runtime;

import static app.realmoments.runtime.ClientApp.JSON;
import static app.realmoments.runtime.ClientApp.call;
import static app.realmoments.runtime.ClientApp.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * END-TO-END: reports and moderation on the local stack (every function from its own jar: make build
 * first). Three students of Ana's campus report her campus moment: it disappears for everyone but Ana
 * (the one visibility rule: GET /moments/{id}, the campus feed), a moderator finds it in the queue with
 * its images, removes it, and it is gone with its images and feed entries, Ana's inbox says
 * {@code moment_removed}, the audit log shows the action once however often it is resolved. And what upload
 * screening held waits in the same queue until a moderator's dismiss publishes it through the normal path.
 */
@Tag("e2e")
@DisplayName("End-to-end: reported by three, hidden, reviewed and removed")
class ModerationE2EIT {

    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "CampusApiFunction",
            "MomentsApiFunction", "FeedApiFunction", "UploadProcessorFunction", "FeedFanoutFunction",
            "NotificationDispatcherFunction", "NotificationsApiFunction", "ModerationApiFunction",
            "ModerationMetricsFunction");
    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final String CAMPUS = "north-campus";

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

    private static String student(String name, String campus) throws Exception {
        String token = stack.token("mod-e2e-" + name);
        expect(200, call(stack, "PUT", "/me", token, Map.of("handle", "mod_e2e_" + name, "displayName", name)));
        if (campus != null) {
            ClientApp.joinCampus(stack, token, campus);
        }
        return token;
    }

    private static List<String> ids(String token, String path) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(expect(200, call(stack, "GET", path, token, null)).body()).path("items")
                .forEach(item -> ids.add(item.path("momentId").asText()));
        return ids;
    }

    private static JsonNode report(String token, String momentId, String reason, int status) throws Exception {
        return JSON.readTree(expect(status, call(stack, "POST", "/reports", token,
                Map.of("targetType", "moment", "targetId", momentId, "reason", reason))).body());
    }

    private static int status(String token, String method, String path, Object body) throws Exception {
        return call(stack, method, path, token, body).statusCode();
    }

    @Test
    void threeReportsHideAMomentAndAModeratorRemovesIt() throws Exception {
        String ana = student("ana", CAMPUS);
        String ben = student("ben", CAMPUS);
        String cy = student("cy", CAMPUS);
        String dee = student("dee", CAMPUS);
        String fay = student("fay", CAMPUS);
        String eve = student("eve", "state-u");
        String moderator = stack.login("mod-e2e-moderator", List.of("moderators")).idToken();

        String moment = ClientApp.publish(stack, ana, "campus", "sunset over the quad");
        ClientApp.poll("the campus feed holds Ana's moment", ASYNC, () -> ids(fay, "/campuses/" + CAMPUS + "/feed"),
                feed -> feed.contains(moment));

        // what Eve cannot see (another campus) is a 404 like an id that does not exist
        JsonNode unseen = JSON.readTree(expect(404, call(stack, "POST", "/reports", eve,
                Map.of("targetType", "moment", "targetId", moment, "reason", "spam"))).body());
        JsonNode missing = JSON.readTree(expect(404, call(stack, "POST", "/reports", eve,
                Map.of("targetType", "moment", "targetId", "01JD8X9Z9Z9Z9Z9Z9Z9Z9Z9Z9Z", "reason", "spam"))).body());
        assertEquals(missing, unseen);
        assertEquals("own_content", JSON.readTree(expect(400, call(stack, "POST", "/reports", ana,
                Map.of("targetType", "moment", "targetId", moment, "reason", "spam"))).body()).path("error").path("code").asText());

        String reportId = report(ben, moment, "nudity", 201).path("reportId").asText();
        assertEquals(reportId, report(ben, moment, "spam", 200).path("reportId").asText(), "reporting again: the same");
        assertEquals(404, status(ben, "GET", "/moments/" + moment, null), "the reporter stops seeing it at once");
        assertEquals(200, status(fay, "GET", "/moments/" + moment, null), "not yet hidden from the others");
        report(cy, moment, "nudity", 201);
        report(dee, moment, "violence", 201);

        // three distinct reporters: hidden from everyone but its author
        assertEquals(404, status(fay, "GET", "/moments/" + moment, null));
        assertFalse(ids(fay, "/campuses/" + CAMPUS + "/feed").contains(moment), "out of the campus feed");
        assertFalse(ids(ben, "/campuses/" + CAMPUS + "/feed").contains(moment));
        assertEquals(200, status(ana, "GET", "/moments/" + moment, null), "its author still sees it");
        assertTrue(ids(ana, "/feed").contains(moment), "in the author's own feed");
        assertTrue(ids(ana, "/users/" + ClientApp.subject(ana) + "/moments").contains(moment), "and her memories");
        assertFalse(ids(fay, "/users/" + ClientApp.subject(ana) + "/moments").contains(moment), "not in others' view");

        // only moderators may work the queue
        for (String[] route : List.of(new String[] {"GET", "/moderation/reports"},
                new String[] {"POST", "/moderation/reports/" + reportId + "/resolve"},
                new String[] {"GET", "/moderation/audit"})) {
            Object body = route[0].equals("POST") ? Map.of("action", "dismiss") : null;
            assertEquals(403, status(fay, route[0], route[1], body), route[1]);
        }

        JsonNode item = null;
        for (JsonNode queued : JSON.readTree(expect(200, call(stack, "GET", "/moderation/reports?limit=50", moderator,
                null)).body()).path("items")) {
            if (queued.path("target").path("id").asText().equals(moment)) {
                item = queued;
            }
        }
        assertTrue(item != null, "the moment is in the queue");
        assertEquals(reportId, item.path("reportId").asText());
        assertEquals(3, item.path("reporters").asInt());
        assertTrue(item.path("hidden").asBoolean());
        assertEquals("sunset over the quad", item.path("moment").path("caption").asText());
        String imageUrl = item.path("moment").path("images").path(0).path("url").asText();
        String thumbnailUrl = item.path("moment").path("images").path(0).path("thumbnailUrl").asText();
        assertTrue(imageUrl.startsWith("http") && thumbnailUrl.startsWith("http"), item.toString());
        assertEquals(200, ClientApp.http().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(imageUrl)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode(), "the signed image URL works");

        // the schedule that feeds the alarm: the oldest open report's age, a whole number of seconds
        java.net.http.HttpResponse<String> measured = ClientApp.http().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.apiUrl() + "/_local/schedules/ModerationMetricsFunction/MeasureQueue"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, measured.statusCode(), measured.body());
        assertTrue(JSON.readTree(measured.body()).path("oldestOpenReportAgeSeconds").asLong() >= 0, measured.body());

        String bucket = stack.physical("MediaBucket").ref();
        assertFalse(mediaOf(bucket, moment).isEmpty(), "the images are there before");
        JsonNode removed = JSON.readTree(expect(200, call(stack, "POST", "/moderation/reports/" + reportId + "/resolve",
                moderator, Map.of("action", "remove", "note", "nudity"))).body());
        assertEquals("remove", removed.path("action").asText());

        assertEquals(404, status(ana, "GET", "/moments/" + moment, null), "gone, for its author too");
        assertTrue(mediaOf(bucket, moment).isEmpty(), "its images and thumbnails are deleted");
        String feedTable = stack.physical("FeedTable").ref();
        ClientApp.poll("the moment's feed entries are deleted", ASYNC, () -> stack.aws().dynamo().query(q -> q
                .tableName(feedTable).indexName("ByMoment").keyConditionExpression("momentId = :m")
                .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(moment)))).count(), count -> count == 0);
        assertFalse(ids(ana, "/feed").contains(moment));
        JsonNode notified = ClientApp.poll("Ana's moment_removed notification", ASYNC,
                () -> JSON.readTree(expect(200, call(stack, "GET", "/notifications", ana, null)).body()),
                inbox -> inbox.path("items").findValuesAsText("type").contains("moment_removed"));
        assertTrue(notified.toString().contains(moment), notified.toString());

        // acting again: no 5xx, the resolution that stands, still one audit entry
        JsonNode again = JSON.readTree(expect(200, call(stack, "POST", "/moderation/reports/" + reportId + "/resolve",
                moderator, Map.of("action", "dismiss"))).body());
        assertEquals(removed, again);
        int entries = 0;
        for (JsonNode entry : JSON.readTree(expect(200, call(stack, "GET", "/moderation/audit?limit=50", moderator,
                null)).body()).path("items")) {
            if (entry.path("reportId").asText().equals(reportId)) {
                entries++;
                assertEquals("remove", entry.path("action").asText());
                assertEquals(ClientApp.subject(moderator), entry.path("moderatorId").asText());
                assertEquals(moment, entry.path("target").path("id").asText());
            }
        }
        assertEquals(1, entries, "one audit entry");
    }

    @Test
    void whatScreeningHeldWaitsInTheQueueAndADismissPublishesIt() throws Exception {
        String ana = student("hana", CAMPUS);
        String fay = student("hfay", CAMPUS);
        String moderator = stack.login("mod-e2e-moderator", List.of("moderators")).idToken();

        String flagged = ClientApp.upload(stack, ana, "campus", "after the party",
                app.realmoments.media.TestPhotos.jpeg(app.realmoments.media.TestPhotos.magentaCornered(320, 240, 3), 0.9f));
        ClientApp.poll("the flagged moment held", ASYNC, () -> JSON.readTree(expect(200, call(stack, "GET",
                "/moments/" + flagged, ana, null)).body()), m -> m.path("review").asText().equals("held"));
        JsonNode item = ClientApp.poll("the held moment in the queue", ASYNC, () -> queued(moderator, flagged),
                found -> found != null);
        assertFalse(item.path("held").asText().isEmpty(), "what the classifier flagged: " + item);
        assertEquals(0, item.path("reporters").asInt());
        assertEquals("pending", item.path("moment").path("status").asText());
        assertFalse(item.path("moment").path("images").isEmpty(), "the moderator sees the held image");
        assertEquals(404, status(fay, "GET", "/moments/" + flagged, null));

        expect(200, call(stack, "POST", "/moderation/reports/" + item.path("reportId").asText() + "/resolve", moderator,
                Map.of("action", "dismiss", "note", "a costume")));
        assertEquals("published", JSON.readTree(expect(200, call(stack, "GET", "/moments/" + flagged, fay, null)).body())
                .path("status").asText(), "published through the normal path");
        ClientApp.poll("the released moment fanned out to the campus feed", ASYNC,
                () -> ids(fay, "/campuses/" + CAMPUS + "/feed"), feed -> feed.contains(flagged));
        assertTrue(queued(moderator, flagged) == null, "out of the queue");
    }

    /** The open queue item whose target is this id, or null. */
    private static JsonNode queued(String moderator, String targetId) throws Exception {
        for (JsonNode queued : JSON.readTree(expect(200, call(stack, "GET", "/moderation/reports?limit=50", moderator,
                null)).body()).path("items")) {
            if (queued.path("target").path("id").asText().equals(targetId)) {
                return queued;
            }
        }
        return null;
    }

    private static List<String> mediaOf(String bucket, String momentId) {
        return stack.aws().s3().listObjectsV2(b -> b.bucket(bucket).prefix("media/" + momentId + "/")).contents()
                .stream().map(o -> o.key()).toList();
    }
}
