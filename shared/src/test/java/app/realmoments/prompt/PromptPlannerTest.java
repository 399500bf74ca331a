package app.realmoments.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryPromptStore;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromptPlannerTest {

    private final InMemoryPromptStore store = new InMemoryPromptStore(2);
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final InMemoryCampusRegistry registry = InMemoryCampusRegistry.withZones(
            "north=America/New_York,tokyo=Asia/Tokyo");

    private PromptPlanner at(Instant now) {
        return new PromptPlanner(store, queue, registry, PromptWindow.parse("09:00", "21:00"), new Random(5),
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
    void planningWalksTheRegistryPageByPageAndOnlyIt() {
        InMemoryCampusRegistry many = new InMemoryCampusRegistry();
        for (int i = 0; i < 250; i++) {
            many.add(String.format("campus-%03d", i), ZoneId.of("Asia/Tokyo"));
        }
        store.join("typed-once", "ana"); // members of a slug that is no registry campus get no prompt
        Instant early = Instant.parse("2026-11-29T03:00:00Z");
        PromptPlanner planner = new PromptPlanner(store, queue, many, PromptWindow.parse("09:00", "21:00"), new Random(5),
                Clock.fixed(early, ZoneOffset.UTC));
        assertEquals(500, planner.plan(), "today and tomorrow of each of 250 campuses, read 100 at a time");
        assertTrue(store.find("campus-249", LocalDate.of(2026, 11, 30)).isPresent());
        assertTrue(store.find("typed-once", LocalDate.of(2026, 11, 29)).isEmpty());
        assertTrue(store.find("typed-once", LocalDate.of(2026, 11, 30)).isEmpty());
    }

    @Test
    void aPromptIsQueuedAheadOfItsTimeDelayedToItAndReachesEveryMemberExactlyOnce() {
        store.join("north", "ana", "ben", "cai", "dee", "eve");
        Instant promptAt = Instant.parse("2026-11-29T17:30:37Z");
        store.plan(new Prompt("north", LocalDate.of(2026, 11, 29), promptAt));

        assertEquals(0, at(promptAt.minus(PromptPlanner.LOOKAHEAD).minusSeconds(1)).fire(), "not within the lookahead yet");
        assertEquals(5, at(promptAt.minusSeconds(97)).fire());
        assertEquals(0, at(promptAt.minusSeconds(37)).fire(), "queued already");
        assertEquals(0, at(promptAt.plusSeconds(23)).fire(), "queued already");
        assertEquals(3, queue.calls, "5 members in pages of 2, one send per page");
        assertTrue(queue.delays.stream().allMatch(d -> d.equals(Duration.ofSeconds(97))), queue.delays.toString());
        List<String> recipients = new ArrayList<>();
        for (NotificationJob job : queue.sent) {
            assertEquals(NotificationType.PROMPT, job.type());
            assertEquals("north", job.reason());
            recipients.addAll(job.recipientIds());
        }
        assertEquals(List.of("ana", "ben", "cai", "dee", "eve"), recipients, "each member once");
    }

    @Test
    void aBigCampusIsSplitIntoJobsOfAtMostAHundredMembers() {
        InMemoryPromptStore big = new InMemoryPromptStore(1000);
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            members.add(String.format("member-%05d", i));
        }
        big.join("north", members.toArray(String[]::new)).join("south", "sam");
        Instant promptAt = Instant.parse("2026-11-29T17:30:00Z");
        big.plan(new Prompt("north", LocalDate.of(2026, 11, 29), promptAt));
        big.plan(new Prompt("south", LocalDate.of(2026, 11, 29), promptAt.plusSeconds(30)));
        PromptPlanner planner = new PromptPlanner(big, queue, registry, PromptWindow.parse("09:00", "21:00"), new Random(5),
                Clock.fixed(promptAt.minusSeconds(60), ZoneOffset.UTC));
        assertEquals(2_346, planner.fire());
        List<String> north = new ArrayList<>();
        int jobs = 0;
        for (NotificationJob job : queue.sent) {
            assertTrue(job.recipientIds().size() <= NotificationJob.MAX_RECIPIENTS);
            if (job.reason().equals("north")) {
                north.addAll(job.recipientIds());
                jobs++;
            }
        }
        assertEquals(members, north.stream().sorted().toList());
        assertEquals(new HashSet<>(members).size(), new HashSet<>(north).size(), "nobody twice");
        assertEquals(24, jobs, "ceil(2345 / 100), the pages of 1000 cut in tens");
    }

    @Test
    void aRunThatDiedIsTakenOverAfterItsLeaseWithTheSameNotificationIds() {
        store.join("north", "ana");
        Instant promptAt = Instant.parse("2026-11-29T17:30:00Z");
        Prompt prompt = new Prompt("north", LocalDate.of(2026, 11, 29), promptAt);
        store.plan(prompt);
        assertTrue(store.claim(prompt, promptAt, promptAt.plus(PromptPlanner.LEASE))); // a run that then died
        assertEquals(0, at(promptAt.plusSeconds(60)).fire(), "still held");
        assertEquals(1, at(promptAt.plus(PromptPlanner.LEASE).plusSeconds(60)).fire());
        assertEquals(Duration.ZERO, queue.delays.getFirst(), "late already: no delay");
        assertEquals(NotificationJob.of(NotificationType.PROMPT, "ana", null, null, "north", promptAt).notificationId(),
                queue.sent.getFirst().each().getFirst().notificationId(), "derived from recipient and prompt time");
        assertEquals(prompt.notificationIdFor("ana"), queue.sent.getFirst().each().getFirst().notificationId());
    }
}
