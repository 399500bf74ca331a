package app.realmoments.functions.feedapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedService;
import app.realmoments.http.TestContext;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.prompt.DailyPrompt;
import app.realmoments.prompt.Prompt;
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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /prompt} and "post to see" on {@code GET /feed}, from the events/ files. */
class PromptRouteTest {

    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";
    private static final String MOMENT = "01M8KK11T8Q32D8A1HM0318YS5";
    private static final Instant AT = Instant.parse("2026-11-29T12:03:41.512Z");
    /** 12:30 in Berkeley. */
    private static final Instant PROMPT_AT = Instant.parse("2026-11-29T20:30:00Z");

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryPromptStore prompts = new InMemoryPromptStore(100);
    private final InMemoryInbox inbox = new InMemoryInbox();

    private FeedApi api(Instant now) {
        InMemoryFeedStore feeds = new InMemoryFeedStore();
        feeds.putAll(List.of(new FeedEntry(JONAH, MOMENT, MAYA, AT)));
        FakeSocialGraph graph = new FakeSocialGraph().friends(MAYA, JONAH);
        FeedService feed = Services.feed(feeds, moments, profiles, new MomentVisibility(graph, profiles),
                Services.views(new InMemoryMediaStore()), new Cursors("test-cursor-signing-key-0123456789abcdef"));
        return new FeedApi(feed, new DailyPrompt(prompts, inbox, profiles, moments,
                InMemoryCampusRegistry.zones("uc-berkeley=America/Los_Angeles", "America/New_York"), true,
                Clock.fixed(now, ZoneOffset.UTC)));
    }

    private JsonNode call(FeedApi api, String file, int status) throws Exception {
        APIGatewayV2HTTPResponse response = api.handleRequest(Events.load(file, APIGatewayV2HTTPEvent.class),
                new TestContext("r1"));
        assertEquals(status, response.getStatusCode(), file + ": " + response.getBody());
        return JsonTrees.tree(response.getBody());
    }

    @Test
    void jonahSeesTodaysPromptAndALockedFeedUntilHePosts() throws Exception {
        profiles.save(new Profile(MAYA, "maya.lin", "Maya Lin", "uc-berkeley", AT, AT, null), null);
        profiles.save(new Profile(JONAH, "jonah", "Jonah", "uc-berkeley", AT, AT, null), null);
        moments.create(new Moment(MOMENT, MAYA, "sunset", Audience.FRIENDS, "uc-berkeley", MomentStatus.PUBLISHED, null,
                AT, AT, null, Map.of(ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 1, true, 2048, 1536))), AT);
        prompts.plan(new Prompt("uc-berkeley", LocalDate.of(2026, 11, 29), PROMPT_AT));

        JsonNode prompt = call(api(PROMPT_AT.plusSeconds(60)), "prompt-get.json", 200);
        assertEquals("uc-berkeley", prompt.get("campusId").asText());
        assertEquals("2026-11-29", prompt.get("date").asText());
        assertEquals("2026-11-29T20:32:00Z", prompt.get("windowEndsAt").asText());
        assertEquals("open", prompt.get("status").asText());
        assertFalse(prompt.get("postedToday").asBoolean());

        JsonNode locked = call(api(PROMPT_AT.plusSeconds(60)), "feed-get.json", 200);
        assertTrue(locked.get("locked").asBoolean());
        assertEquals(0, locked.get("items").get(0).get("images").size());

        JsonNode before = call(api(PROMPT_AT.minusSeconds(60)), "feed-get.json", 200);
        assertFalse(before.get("locked").asBoolean());
        assertEquals(1, before.get("items").get(0).get("images").size());
    }

    @Test
    void theRouteIs200WithStatusNoneOnADayWithoutAPromptAndHidesAnUpcomingOnesTime() throws Exception {
        profiles.save(new Profile(JONAH, "jonah", "Jonah", "uc-berkeley", AT, AT, null), null);
        JsonNode none = call(api(PROMPT_AT), "prompt-get.json", 200);
        assertEquals("none", none.get("status").asText());
        assertEquals("2026-11-29", none.get("date").asText());
        assertFalse(none.has("promptAt"));

        prompts.plan(new Prompt("uc-berkeley", LocalDate.of(2026, 11, 29), PROMPT_AT));
        JsonNode upcoming = call(api(PROMPT_AT.minusSeconds(3600)), "prompt-get.json", 200);
        assertEquals("upcoming", upcoming.get("status").asText());
        assertFalse(upcoming.has("promptAt"), upcoming.toString());
        assertFalse(upcoming.has("windowEndsAt"), upcoming.toString());
    }

    @Test
    void withoutACampusThereIsNoPrompt() throws Exception {
        profiles.save(new Profile(JONAH, "jonah", "Jonah", null, AT, AT, null), null);
        assertEquals("not_found", call(api(PROMPT_AT), "prompt-get.json", 404).get("error").get("code").asText());
    }
}
