package app.realmoments.functions.socialapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.activity.ActivityRules;
import app.realmoments.http.TestContext;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.social.UserDirectory;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryFeedStore;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialApiTest {

    /** The ids of events/README.md. */
    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String PRIYA = "5c8e2f14-7b3a-4d96-a1e0-3f9b6c2d8e47";

    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final Cursors cursors = new Cursors("test-cursor-signing-key-0123456789abcdef");
    private final SocialApi api = new SocialApi(new UserDirectory(profiles, graph),
            Services.friendships(graph, profiles, cursors, Clock.systemUTC()),
            Services.blocks(graph, profiles, cursors, Clock.systemUTC()));

    {
        // the notifications follow the graph's changes, as the users table's stream relay sends them
        graph.onChange = new ActivityRules(queue, new InMemoryFeedStore(), new InMemoryMomentStore())::followUp;
    }

    @BeforeEach
    void students() {
        Instant now = Instant.now();
        profiles.save(new Profile(MAYA, "maya.lin", "Maya Lin", "uc-berkeley", now, now, null), null);
        profiles.save(new Profile(JONAH, "jonah", "Jonah", "uc-berkeley", now, now, null), null);
        profiles.save(new Profile(PRIYA, "priya", "Priya", "uc-berkeley", now, now, null), null);
    }

    @Test
    void priyaFindsMayaAsksHerMayaAcceptsAndJonahBlocksPriya() throws Exception {
        APIGatewayV2HTTPEvent lookUp = Events.load("user-get.json", APIGatewayV2HTTPEvent.class);
        JsonNode maya = ok(call(lookUp));
        assertEquals("maya.lin", maya.path("handle").asText());
        assertEquals("none", maya.path("friendship").asText());

        assertEquals("requested", ok(call(Events.load("friend-request-post.json", APIGatewayV2HTTPEvent.class)))
                .path("friendship").asText());
        assertEquals("requested", ok(call(lookUp)).path("friendship").asText());

        JsonNode accepted = ok(call(Events.load("friend-request-accept-post.json", APIGatewayV2HTTPEvent.class)));
        assertEquals(PRIYA, accepted.path("userId").asText());
        assertEquals("friends", accepted.path("friendship").asText());
        assertEquals("friends", ok(call(lookUp)).path("friendship").asText());
        assertEquals(List.of(NotificationType.FRIEND_REQUEST, NotificationType.FRIEND_ACCEPTED),
                queue.sent.stream().map(NotificationJob::type).toList());
        assertEquals(List.of(MAYA, PRIYA), queue.sent.stream().map(NotificationJob::recipientId).toList());

        APIGatewayV2HTTPResponse blocked = call(Events.load("block-put.json", APIGatewayV2HTTPEvent.class));
        assertEquals(204, blocked.getStatusCode(), blocked.getBody());
        lookUp.setPathParameters(Map.of("userId", JONAH));
        APIGatewayV2HTTPResponse hidden = call(lookUp);
        lookUp.setPathParameters(Map.of("userId", "00000000-0000-4000-8000-000000000000"));
        APIGatewayV2HTTPResponse unknown = call(lookUp);
        assertEquals(404, hidden.getStatusCode());
        assertEquals(unknown.getBody(), hidden.getBody(), "a block reads exactly like an unknown user");
    }

    @Test
    void badFriendRequestsAreClear4xxsAndChangeNothing() {
        APIGatewayV2HTTPEvent post = Events.load("friend-request-post.json", APIGatewayV2HTTPEvent.class);
        Map<String, Integer> expected = Map.of(
                "{}", 400,
                "{\"userId\":42}", 400,
                "{\"userId\":[\"" + MAYA + "\"]}", 400,
                "[", 400,
                "{\"userId\":\"" + PRIYA + "\"}", 400,
                "{\"userId\":\"00000000-0000-4000-8000-000000000000\"}", 404,
                "{\"userId\":\"../" + MAYA + "\"}", 404,
                "{\"userId\":\"" + "a".repeat(129) + "\"}", 404);
        expected.forEach((body, status) -> {
            post.setBody(body);
            APIGatewayV2HTTPResponse response = call(post);
            assertEquals(status, response.getStatusCode(), body + " -> " + response.getBody());
            assertTrue(response.getBody().startsWith("{\"error\":{"), response.getBody());
        });
        assertEquals(Set.of(), graph.snapshot());
        assertTrue(queue.sent.isEmpty());

        APIGatewayV2HTTPEvent accept = Events.load("friend-request-accept-post.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse noRequest = call(accept);
        assertEquals(404, noRequest.getStatusCode(), "accepting a request that does not exist");
        assertTrue(noRequest.getBody().contains("friend request not found"), noRequest.getBody());
    }

    @Test
    void theListsArePagedAndTheirCursorsCannotBeForged() throws Exception {
        graph.friends(MAYA, JONAH).friends(MAYA, PRIYA);
        APIGatewayV2HTTPEvent list = Events.load("friend-request-accept-post.json", APIGatewayV2HTTPEvent.class);
        list.setRouteKey("GET /friends");
        list.setPathParameters(null);
        list.setQueryStringParameters(Map.of("limit", "1"));

        JsonNode first = ok(call(list));
        assertEquals(1, first.path("items").size());
        String cursor = first.path("nextCursor").asText();
        assertFalse(cursor.isEmpty());
        list.setQueryStringParameters(Map.of("limit", "1", "cursor", cursor));
        JsonNode second = ok(call(list));
        assertEquals(1, second.path("items").size());
        assertTrue(second.path("nextCursor").isMissingNode(), "absent on the last page");
        assertEquals(Set.of(JONAH, PRIYA), Set.of(first.path("items").get(0).path("userId").asText(),
                second.path("items").get(0).path("userId").asText()));

        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "51"), Map.of("limit", "x"),
                Map.of("cursor", cursor + "A"), Map.of("cursor", "not-a-cursor"))) {
            list.setQueryStringParameters(query);
            assertEquals(400, call(list).getStatusCode(), query.toString());
        }
        list.setRouteKey("GET /blocks");
        list.setQueryStringParameters(Map.of("cursor", cursor));
        assertEquals(400, call(list).getStatusCode(), "a friends cursor is not a blocks cursor");

        list.setRouteKey("GET /friends/requests");
        list.setQueryStringParameters(null);
        JsonNode requests = ok(call(list));
        assertTrue(requests.path("incoming").isArray() && requests.path("outgoing").isArray(), requests.toString());
    }

    private APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return api.handleRequest(event, new TestContext("test-request"));
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse response) throws Exception {
        assertEquals(200, response.getStatusCode(), response.getBody());
        return JsonTrees.tree(response.getBody());
    }
}
