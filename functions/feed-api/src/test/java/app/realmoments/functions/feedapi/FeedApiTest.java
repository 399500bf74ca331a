package app.realmoments.functions.feedapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.feed.FeedEntry;
import app.realmoments.http.TestContext;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.prompt.DailyPrompt;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryPromptStore;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedApiTest {

    /** The ids of events/README.md. */
    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String MOMENT = "01M8KK11T8Q32D8A1HM0318YS5";
    private static final Instant AT = Instant.parse("2026-11-29T12:03:41.512Z");

    private final InMemoryFeedStore feeds = new InMemoryFeedStore();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final Clock clock = Clock.fixed(AT.plusSeconds(3600), ZoneOffset.UTC);
    private final FeedApi api = new FeedApi(Services.feed(feeds, moments, profiles, new MomentVisibility(graph, profiles),
            Services.views(new InMemoryMediaStore()), new Cursors("test-cursor-signing-key-0123456789abcdef"), clock),
            new DailyPrompt(new InMemoryPromptStore(100), new InMemoryInbox(), profiles, moments, InMemoryCampusRegistry.zones("", "UTC"), false,
                    clock));

    @BeforeEach
    void mayaPostsToHerCampus() {
        profiles.save(new Profile(MAYA, "maya.lin", "Maya Lin", "uc-berkeley", AT, AT, null), null);
        moments.create(new Moment(MOMENT, MAYA, "sunset", Audience.CAMPUS, "uc-berkeley", MomentStatus.PUBLISHED, null,
                AT, AT, null, Map.of()), AT);
        feeds.putCampus("uc-berkeley", new FeedEntry("uc-berkeley", MOMENT, MAYA, AT));
        feeds.putAll(List.of(new FeedEntry(JONAH, MOMENT, MAYA, AT)));
        graph.friends(MAYA, JONAH);
    }

    @Test
    void jonahReadsHisFeedAndHisCampusFeed() throws Exception {
        profiles.save(new Profile(JONAH, "jonah", "Jonah", "uc-berkeley", AT, AT, null), null);
        for (String file : List.of("feed-get.json", "campus-feed-get.json")) {
            APIGatewayV2HTTPResponse response = api.handleRequest(Events.load(file, APIGatewayV2HTTPEvent.class),
                    new TestContext("r1"));
            assertEquals(200, response.getStatusCode(), file + ": " + response.getBody());
            JsonNode body = JsonTrees.tree(response.getBody());
            assertEquals(MOMENT, body.get("items").get(0).get("momentId").asText(), file);
            assertEquals("maya.lin", body.get("items").get(0).get("author").get("handle").asText(), file);
        }
    }

    @Test
    void anotherCampusesFeedIsForbiddenAndAnEditedCursorIsABadRequest() {
        profiles.save(new Profile(JONAH, "jonah", "Jonah", "stanford", AT, AT, null), null);
        APIGatewayV2HTTPEvent campus = Events.load("campus-feed-get.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse forbidden = api.handleRequest(campus, new TestContext("r2"));
        assertEquals(403, forbidden.getStatusCode(), forbidden.getBody());

        APIGatewayV2HTTPEvent feed = Events.load("feed-get.json", APIGatewayV2HTTPEvent.class);
        feed.setQueryStringParameters(Map.of("cursor", "eyJhZnRlciI6IngifQ.c2lnbmF0dXJl"));
        assertEquals(400, api.handleRequest(feed, new TestContext("r3")).getStatusCode());
    }
}
