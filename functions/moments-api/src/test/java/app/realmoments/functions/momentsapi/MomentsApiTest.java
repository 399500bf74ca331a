package app.realmoments.functions.momentsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.moment.Memories;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentsApiTest {

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final MomentsApi api = new MomentsApi(Services.moments(moments, new InMemoryMediaStore(), profiles,
            new MomentVisibility(graph, profiles), new Ids(), Clock.systemUTC()),
            new Memories(moments, profiles, graph, Services.views(new InMemoryMediaStore()),
                    new Cursors("test-cursor-signing-key-0123456789abcdef")));

    @Test
    void postingAMomentGivesOneSignedUploadPerImageAndTheAuthorCanReadIt() throws Exception {
        APIGatewayV2HTTPEvent post = Events.load("moments-post.json", APIGatewayV2HTTPEvent.class);
        String author = post.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub");
        profiles.save(new Profile(author, "ana", "Ana", "north", Instant.now(), Instant.now(), null), null);

        APIGatewayV2HTTPResponse created = api.handleRequest(post, new TestContext("r1"));
        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode body = JsonTrees.tree(created.getBody());
        assertEquals("pending", body.get("status").asText());
        assertEquals(2, body.get("uploads").size());
        assertEquals("PUT", body.get("uploads").get(0).get("method").asText());

        APIGatewayV2HTTPEvent get = Events.load("moment-get.json", APIGatewayV2HTTPEvent.class);
        get.setPathParameters(Map.of("momentId", body.get("momentId").asText()));
        get.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", author));
        APIGatewayV2HTTPResponse read = api.handleRequest(get, new TestContext("r2"));
        assertEquals(200, read.getStatusCode(), read.getBody());
        assertTrue(read.getBody().contains("\"late\":null"), read.getBody());
    }

    @Test
    void someoneElsesOrAMissingMomentIsNotFoundAndDeletingItToo() {
        APIGatewayV2HTTPEvent get = Events.load("moment-get.json", APIGatewayV2HTTPEvent.class);
        assertEquals(404, api.handleRequest(get, new TestContext("r3")).getStatusCode());
        APIGatewayV2HTTPEvent delete = Events.load("moment-delete.json", APIGatewayV2HTTPEvent.class);
        assertEquals(404, api.handleRequest(delete, new TestContext("r4")).getStatusCode());
    }

    @Test
    void aBlankIdInThePathIsAMomentOrUserThatDoesNotExist() {
        // API Gateway decodes %20 or %1F into a path parameter of its own: malformed, so not found (found by schemathesis)
        APIGatewayV2HTTPEvent get = Events.load("moment-get.json", APIGatewayV2HTTPEvent.class);
        get.setPathParameters(Map.of("momentId", " "));
        APIGatewayV2HTTPResponse moment = api.handleRequest(get, new TestContext("r7"));
        assertEquals(404, moment.getStatusCode(), moment.getBody());
        assertEquals("not_found", JsonTrees.tree(moment.getBody()).path("error").path("code").asText());
        APIGatewayV2HTTPEvent memories = Events.load("user-moments-get.json", APIGatewayV2HTTPEvent.class);
        memories.setPathParameters(Map.of("userId", "\u001f"));
        assertEquals(404, api.handleRequest(memories, new TestContext("r8")).getStatusCode());
    }

    @Test
    void jonahReadsMayasMemoriesAsHerFriendAndABlockHidesHer() throws Exception {
        String maya = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
        String jonah = "01JHJ1C22G0NPARJS8VBV0PSAE";
        Instant now = Instant.now();
        profiles.save(new Profile(maya, "maya.lin", "Maya Lin", "uc-berkeley", now, now, null), null);
        profiles.save(new Profile(jonah, "jonah", "Jonah", "uc-berkeley", now, now, null), null);
        graph.friends(maya, jonah);
        moments.create(new app.realmoments.moment.Moment("01M8KK11T8Q32D8A1HM0318YS5", maya, "sunset",
                app.realmoments.moment.Audience.FRIENDS, "uc-berkeley", app.realmoments.moment.MomentStatus.PUBLISHED,
                null, now, now, null, Map.of()), now);

        APIGatewayV2HTTPEvent memories = Events.load("user-moments-get.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse read = api.handleRequest(memories, new TestContext("r5"));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonNode body = JsonTrees.tree(read.getBody());
        assertEquals("01M8KK11T8Q32D8A1HM0318YS5", body.get("items").get(0).get("momentId").asText());
        assertEquals("maya.lin", body.get("items").get(0).get("author").get("handle").asText());

        graph.block(maya, jonah);
        assertEquals(404, api.handleRequest(memories, new TestContext("r6")).getStatusCode());
    }

    @Test
    void malformedBodiesAre400sNever500s() {
        APIGatewayV2HTTPEvent post = Events.load("moments-post.json", APIGatewayV2HTTPEvent.class);
        for (String body : new String[] {"{", "[]", "{\"images\":\"back\"}", "{\"audience\":\"friends\",\"images\":[{\"role\":\"back\",\"contentType\":\"image/jpeg\",\"contentLength\":\"big\"}]}"}) {
            post.setBody(body);
            post.setIsBase64Encoded(false);
            APIGatewayV2HTTPResponse response = api.handleRequest(post, new TestContext("r5"));
            assertEquals(400, response.getStatusCode(), body + " -> " + response.getBody());
        }
        assertTrue(moments.moments.isEmpty());
    }
}
