package app.realmoments.functions.interactionsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.activity.ActivityRules;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionService;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InteractionsApiTest {

    /** The ids of events/README.md. */
    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String MOMENT = "01M8KK11T8Q32D8A1HM0318YS5";
    private static final String COMMENT = "01M8KM0ZC7S7G3F4QWX0J3N2DA";
    private static final Instant AT = Instant.parse("2026-11-29T12:03:41.512Z");

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryInteractionStore store = new InMemoryInteractionStore(moments);
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final InteractionsApi api = new InteractionsApi(new InteractionService(moments, profiles,
            new MomentVisibility(graph, profiles), graph, store, new Cursors("test-cursor-signing-key-0123456789abcdef"),
            new Ids(), Clock.fixed(AT.plusSeconds(600), ZoneOffset.UTC), Services.noQuotas()));

    {
        // the notifications follow the store's changes, as the interactions table's stream relay sends them
        store.onChange = new ActivityRules(queue, new InMemoryFeedStore(), moments)::followUp;
    }

    @BeforeEach
    void mayaPostedAndJonahIsHerFriend() {
        profiles.save(new Profile(MAYA, "maya.lin", "Maya Lin", "uc-berkeley", AT, AT, null), null);
        profiles.save(new Profile(JONAH, "jonah", "Jonah", "uc-berkeley", AT, AT, null), null);
        moments.create(new Moment(MOMENT, MAYA, "sunset", Audience.FRIENDS, "uc-berkeley", MomentStatus.PUBLISHED, null,
                AT, AT, null, Map.of()), AT);
        graph.friends(MAYA, JONAH);
    }

    private APIGatewayV2HTTPResponse call(String file) {
        return api.handleRequest(Events.load(file, APIGatewayV2HTTPEvent.class), new TestContext("r1"));
    }

    @Test
    void jonahReactsReplacesAndRemovesHisReaction() throws Exception {
        APIGatewayV2HTTPResponse put = call("reaction-put.json");
        assertEquals(200, put.getStatusCode(), put.getBody());
        JsonNode body = JsonTrees.tree(put.getBody());
        assertEquals(1, body.get("counts").get("🔥").asInt());
        assertEquals("🔥", body.get("mine").asText());
        assertEquals(NotificationType.REACTION, queue.sent.getFirst().type());
        assertEquals(MAYA, queue.sent.getFirst().recipientId());

        assertEquals(204, call("reaction-delete.json").getStatusCode());
        assertEquals(Map.of(), moments.get(MOMENT).reactionCounts());
    }

    @Test
    void jonahCommentsListsAndDeletesHisComment() throws Exception {
        APIGatewayV2HTTPResponse created = call("comment-post.json");
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode comment = JsonTrees.tree(created.getBody());
        assertEquals("that light over the bay!", comment.get("text").asText());
        assertEquals("jonah", comment.get("author").get("handle").asText());
        assertTrue(comment.get("createdAt").asText().endsWith("Z"));

        JsonNode list = JsonTrees.tree(call("comments-get.json").getBody());
        assertEquals(comment.get("commentId"), list.get("items").get(0).get("commentId"));
        assertTrue(list.get("nextCursor") == null, "one page");

        store.addComment(new Comment(COMMENT, MOMENT, JONAH, "the one the event deletes", AT));
        assertEquals(204, call("comment-delete.json").getStatusCode());
        assertEquals(404, call("comment-delete.json").getStatusCode(), "gone");
    }

    @Test
    void aRetriedPostWithItsIdempotencyKeyAnswersTheSameComment() throws Exception {
        APIGatewayV2HTTPEvent post = Events.load("comment-post.json", APIGatewayV2HTTPEvent.class);
        post.setHeaders(Map.of("idempotency-key", "3f1c9a7e-tap"));
        APIGatewayV2HTTPResponse first = api.handleRequest(post, new TestContext("r1"));
        APIGatewayV2HTTPResponse retry = api.handleRequest(post, new TestContext("r2"));
        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(first.getStatusCode(), retry.getStatusCode());
        assertEquals(first.getBody(), retry.getBody());
        assertEquals(1, moments.get(MOMENT).commentCount());
    }

    @Test
    void aBlockedCallerMeetsTheMomentAsMissing() throws Exception {
        store.addComment(new Comment(COMMENT, MOMENT, JONAH, "written before the block", AT));
        queue.sent.clear(); // that comment's notification went out before the block
        graph.block(MAYA, JONAH);
        for (String file : new String[] {"reaction-put.json", "reaction-delete.json", "comment-post.json",
                "comments-get.json", "comment-delete.json"}) {
            APIGatewayV2HTTPResponse response = call(file);
            assertEquals(404, response.getStatusCode(), file);
            assertEquals("not_found", JsonTrees.tree(response.getBody()).get("error").get("code").asText());
        }
        assertTrue(queue.sent.isEmpty());
        assertTrue(store.comment(MOMENT, COMMENT).isPresent(), "the comment written before the block stays");
        assertEquals(1, moments.get(MOMENT).commentCount());
        assertEquals(Map.of(), moments.get(MOMENT).reactionCounts());
    }

    @Test
    void aBodyThatIsNotOneEmojiIsA400() throws Exception {
        APIGatewayV2HTTPEvent event = Events.load("reaction-put.json", APIGatewayV2HTTPEvent.class);
        event.setBody("{\"emoji\": \"lol\"}");
        APIGatewayV2HTTPResponse response = api.handleRequest(event, new TestContext("r2"));
        assertEquals(400, response.getStatusCode());
        assertEquals("emoji", JsonTrees.tree(response.getBody()).get("error").get("field").asText());
        event.setBody("{\"emoji\": 5}");
        assertEquals(400, api.handleRequest(event, new TestContext("r3")).getStatusCode());
    }
}
