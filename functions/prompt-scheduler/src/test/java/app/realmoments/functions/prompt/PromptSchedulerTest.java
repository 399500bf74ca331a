package app.realmoments.functions.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.http.TestContext;
import app.realmoments.prompt.Prompt;
import app.realmoments.prompt.PromptScheduling;
import app.realmoments.prompt.PromptWindow;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryPromptStore;
import app.realmoments.testing.RecordingNotificationQueue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PromptSchedulerTest {

    /** events/prompt-scheduled-event.json fires at 17:31 UTC: 12:31 in New York. */
    private static final Instant FIRED_AT = Instant.parse("2026-11-29T17:31:00Z");

    private final InMemoryPromptStore store = new InMemoryPromptStore(100).join("uc-berkeley", "maya", "jonah");
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final PromptScheduler handler = new PromptScheduler(new PromptScheduling(store, queue,
            CampusTimeZones.parse("uc-berkeley=America/Los_Angeles", "America/New_York"),
            PromptWindow.parse("09:00", "21:00"), new Random(1), Clock.fixed(FIRED_AT, ZoneOffset.UTC)));

    private static Map<String, Object> event(String file) throws Exception {
        return new ObjectMapper().readValue(Events.read(file), new TypeReference<>() {
        });
    }

    @Test
    void aPlainScheduledEventPlansAndFires() throws Exception {
        store.plan(new Prompt("uc-berkeley", LocalDate.of(2026, 11, 29), FIRED_AT.minusSeconds(30)));
        Map<String, Object> result = handler.handleRequest(event("prompt-scheduled-event.json"), new TestContext("r1"));
        assertEquals(2, result.get("notified"));
        assertEquals(1, result.get("planned"), "tomorrow in Berkeley (today has one)");
        assertEquals(2, queue.sent.size());
    }

    @Test
    void theMinutelyScheduleOnlyFiresAndOnlyOnce() throws Exception {
        store.plan(new Prompt("uc-berkeley", LocalDate.of(2026, 11, 29), FIRED_AT.minusSeconds(30)));
        assertEquals(Map.of("notified", 2), handler.handleRequest(event("prompt-fire-input.json"), new TestContext("r2")));
        assertEquals(Map.of("notified", 0), handler.handleRequest(event("prompt-fire-input.json"), new TestContext("r3")));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("action", "x"), null));
    }
}
