package app.realmoments.runtime;

import static app.realmoments.runtime.ClientApp.JSON;
import static app.realmoments.runtime.ClientApp.call;
import static app.realmoments.runtime.ClientApp.expect;
import static app.realmoments.runtime.ClientApp.poll;
import static app.realmoments.runtime.ClientApp.subject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.media.TestPhotos;
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

/**
 * END-TO-END: upload screening on the local stack, whose classifier is the deterministic stand-in (a magenta
 * top-left corner is explicit). A flagged photo stays pending for its author, marked held, and never reaches a
 * friend; a clean one publishes to the friend's feed; a comment the word list flags is its author's alone.
 */
@Tag("e2e")
@DisplayName("End-to-end: upload screening holds what it flags")
class ScreeningE2EIT {

    private static final Duration ASYNC = Duration.ofSeconds(60);
    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "SocialApiFunction",
            "MomentsApiFunction", "FeedApiFunction", "InteractionsApiFunction", "UploadProcessorFunction",
            "FeedFanoutFunction");

    private static DevStack stack;

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

    @Test
    void aFlaggedPhotoStaysPendingForItsAuthorAndNeverReachesAFriendWhileACleanOneDoes() throws Exception {
        String ana = stack.token("ana-screening");
        String ben = stack.token("ben-screening");
        expect(200, call(stack, "PUT", "/me", ana, Map.of("handle", "ana_screening", "displayName", "Ana")));
        expect(200, call(stack, "PUT", "/me", ben, Map.of("handle", "ben_screening", "displayName", "Ben")));
        int asked = call(stack, "POST", "/friends/requests", ben, Map.of("userId", subject(ana))).statusCode();
        assertEquals(2, asked / 100, "friend request: " + asked);
        expect(200, call(stack, "POST", "/friends/requests/" + subject(ben) + "/accept", ana, null));

        String flagged = ClientApp.upload(stack, ana, "friends", "after the party",
                TestPhotos.jpeg(TestPhotos.magentaCornered(320, 240, 2), 0.9f));
        JsonNode held = poll("the flagged moment screened", ASYNC,
                () -> JSON.readTree(expect(200, call(stack, "GET", "/moments/" + flagged, ana, null)).body()),
                m -> m.path("review").asText().equals("held"));
        assertEquals("pending", held.path("status").asText());
        assertEquals(0, held.path("images").size(), "no image URL for a held moment");
        expect(404, call(stack, "GET", "/moments/" + flagged, ben, null));

        String clean = ClientApp.publish(stack, ana, "friends", "the quad at noon");
        List<String> bensFeed = poll("the clean moment in ben's feed", ASYNC, () -> feed(ben), ids -> ids.contains(clean));
        assertFalse(bensFeed.contains(flagged), "the held moment was never fanned out: " + bensFeed);
        assertFalse(JSON.readTree(expect(200, call(stack, "GET", "/moments/" + clean, ana, null)).body()).has("review"));
        assertEquals("pending", JSON.readTree(expect(200, call(stack, "GET", "/moments/" + flagged, ana, null)).body())
                .path("status").asText(), "still pending after the fan-out ran for the other");

        JsonNode comment = JSON.readTree(expect(201, call(stack, "POST", "/moments/" + clean + "/comments", ben,
                Map.of("text", "badword-test"))).body());
        assertEquals("held", comment.path("review").asText());
        assertTrue(comments(clean, ben).contains(comment.path("commentId").asText()), "its author sees it");
        assertFalse(comments(clean, ana).contains(comment.path("commentId").asText()), "nobody else does");
    }

    private static List<String> feed(String token) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(expect(200, call(stack, "GET", "/feed", token, null)).body()).path("items")
                .forEach(item -> ids.add(item.path("momentId").asText()));
        return ids;
    }

    private static List<String> comments(String momentId, String token) throws Exception {
        List<String> ids = new ArrayList<>();
        JSON.readTree(expect(200, call(stack, "GET", "/moments/" + momentId + "/comments", token, null)).body())
                .path("items").forEach(item -> ids.add(item.path("commentId").asText()));
        return ids;
    }
}
