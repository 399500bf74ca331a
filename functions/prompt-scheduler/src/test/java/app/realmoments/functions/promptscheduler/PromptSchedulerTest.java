package app.realmoments.functions.promptscheduler;

import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.events.MalformedEventException;
import app.realmoments.http.TestContext;
import app.realmoments.prompt.Prompt;
import app.realmoments.prompt.PromptPlanner;
import app.realmoments.prompt.PromptWindow;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryPromptStore;
import app.realmoments.testing.RecordingNotificationQueue;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The schedule's input as bytes, as Lambda hands it to the handler; what it did as JSON out. */
class PromptSchedulerTest {

    /** events/prompt-scheduled-event.json fires at 17:31 UTC: 12:31 in New York. */
    private static final Instant FIRED_AT = Instant.parse("2026-11-29T17:31:00Z");

    private final InMemoryPromptStore store = new InMemoryPromptStore(100).join("uc-berkeley", "maya", "jonah");
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final PromptScheduler handler = new PromptScheduler(new PromptPlanner(store, queue,
            InMemoryCampusRegistry.withZones("uc-berkeley=America/Los_Angeles"),
            PromptWindow.parse("09:00", "21:00"), new Random(1), Clock.fixed(FIRED_AT, ZoneOffset.UTC)));

    @Test
    void aPlainScheduledEventPlansAndFires() {
        store.plan(new Prompt("uc-berkeley", LocalDate.of(2026, 11, 29), FIRED_AT.minusSeconds(30)));
        String result = invoke(handler, Events.read("prompt-scheduled-event.json"), new TestContext("r1"));
        // planned: tomorrow in Berkeley (today has one); notified: both members
        assertEquals("{\"planned\":1,\"notified\":2}", result);
        Map<String, Object> returned = new LinkedHashMap<>();
        returned.put("planned", 1);
        returned.put("notified", 2);
        assertEquals(lambdaJson(returned), result, "what Lambda's runtime wrote for the Map the handler returned");
        assertEquals(1, queue.sent.size(), "one job for the campus's two members");
        assertEquals(java.util.List.of("jonah", "maya"), queue.sent.getFirst().recipientIds());
    }

    /** The runtime's serializer for a Map (its plain shaded Jackson; Map is no event type), as it wrote the old result. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static String lambdaJson(Map<String, Object> returned) {
        PojoSerializer<Map> serializer = JacksonFactory.getInstance().getSerializer(Map.class);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        serializer.toJson(returned, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theMinutelyScheduleOnlyFiresAndOnlyOnce() {
        store.plan(new Prompt("uc-berkeley", LocalDate.of(2026, 11, 29), FIRED_AT.minusSeconds(30)));
        assertEquals("{\"notified\":2}", invoke(handler, Events.read("prompt-fire-input.json"), new TestContext("r2")));
        assertEquals("{\"notified\":0}", invoke(handler, Events.read("prompt-fire-input.json"), new TestContext("r3")));
    }

    @Test
    void theDailyScheduleOnlyPlans() {
        // Berkeley's today (09:31 there, its window still open) and tomorrow; nothing is due yet
        assertEquals("{\"planned\":2}", invoke(handler, "{\"action\": \"plan\"}", new TestContext("r4")));
        assertEquals("{\"planned\":0}", invoke(handler, "{\"action\": \"plan\"}", new TestContext("r5")));
        assertEquals(0, queue.sent.size());
    }

    @Test
    void anUnknownActionOrAnInputThatIsNoObjectFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> invoke(handler, "{\"action\": \"x\"}", null));
        assertThrows(MalformedEventException.class, () -> invoke(handler, "{\"action\": 1}", null));
        assertThrows(MalformedEventException.class, () -> invoke(handler, "\"fire\"", null));
        assertEquals(0, queue.sent.size());
    }
}
