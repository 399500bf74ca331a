package app.realmoments.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.InMemoryPromptStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptPlannerTest {

    private final InMemoryPromptStore store = new InMemoryPromptStore(2);
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final CampusTimeZones zones = CampusTimeZones.parse("tokyo=Asia/Tokyo", "America/New_York");

    private PromptPlanner at(Instant now) {
        return new PromptPlanner(store, queue, zones, PromptWindow.parse("09:00", "21:00"), new Random(5),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void planningGivesEachCampusOnePromptForTodayAndTomorrowInItsZoneOnce() {
        store.join("north", "ana").join("tokyo", "ken");
        Instant early = Instant.parse("2026-11-29T03:00:00Z"); // 22:00 in New York (28th), 12:00 in Tokyo (29th)
        assertEquals(3, at(early).plan(), "New York: the 28th is over, so the 29th; Tokyo: rest of the 29th and the 30th");
        assertEquals(0, at(early).plan(), "planned once");
        Prompt tokyoToday = store.find("tokyo", LocalDate.of(2026, 11, 29)).orElseThrow();
        assertTrue(tokyoToday.promptAt().isAfter(early), "not in the part of today that has passed");
        assertTrue(store.find("north", LocalDate.of(2026, 11, 28)).isEmpty());
        var local = store.find("north", LocalDate.of(2026, 11, 29)).orElseThrow().promptAt().atZone(ZoneId.of("America/New_York"));
        assertTrue(local.getHour() >= 9 && local.getHour() < 21, local.toString());
    }

    @Test
    void aDuePromptReachesEveryMemberExactlyOnceInPages() {
        store.join("north", "ana", "ben", "cai", "dee", "eve");
        Instant promptAt = Instant.parse("2026-11-29T17:30:00Z");
        store.plan(new Prompt("north", LocalDate.of(2026, 11, 29), promptAt));

        assertEquals(0, at(promptAt.minusSeconds(1)).fire(), "not due yet");
        assertEquals(5, at(promptAt.plusSeconds(20)).fire());
        assertEquals(0, at(promptAt.plusSeconds(80)).fire(), "fired already");
        assertEquals(3, queue.calls, "5 members in pages of 2");
        Set<String> recipients = new HashSet<>();
        for (NotificationJob job : queue.sent) {
            assertEquals(NotificationType.PROMPT, job.type());
            recipients.add(job.recipientId());
        }
        assertEquals(Set.of("ana", "ben", "cai", "dee", "eve"), recipients);
    }

    @Test
    void aRunThatDiedIsTakenOverAfterItsLeaseWithTheSameJobIds() {
        store.join("north", "ana");
        Instant promptAt = Instant.parse("2026-11-29T17:30:00Z");
        Prompt prompt = new Prompt("north", LocalDate.of(2026, 11, 29), promptAt);
        store.plan(prompt);
        assertTrue(store.claim(prompt, promptAt, promptAt.plus(PromptPlanner.LEASE))); // a run that then died
        assertEquals(0, at(promptAt.plusSeconds(60)).fire(), "still held");
        assertEquals(1, at(promptAt.plus(PromptPlanner.LEASE).plusSeconds(60)).fire());
        assertEquals(NotificationJob.of(NotificationType.PROMPT, "ana", null, null, "north", promptAt).notificationId(),
                queue.sent.getFirst().notificationId(), "derived from recipient and prompt time");
    }
}
