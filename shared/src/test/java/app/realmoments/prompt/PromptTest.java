package app.realmoments.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PromptTest {

    private static final Instant AT = Instant.parse("2026-11-29T17:30:00Z");
    private final Prompt prompt = new Prompt("north", LocalDate.of(2026, 11, 29), AT);

    @Test
    void upcomingThenOpenForTwoMinutesThenClosed() {
        assertEquals(Prompt.Status.UPCOMING, prompt.status(AT.minusMillis(1)));
        assertEquals(Prompt.Status.OPEN, prompt.status(AT));
        assertEquals(Prompt.Status.OPEN, prompt.status(AT.plusSeconds(119)));
        assertEquals(Prompt.Status.CLOSED, prompt.status(AT.plusSeconds(120)));
        assertEquals(AT.plusSeconds(120), prompt.windowEndsAt());
    }

    @Test
    void lateMinutesCountFromTheWindowsEndRoundedUp() {
        assertNull(prompt.lateMinutes(AT.plusSeconds(60)), "inside the window");
        assertNull(prompt.lateMinutes(AT.plusSeconds(120)), "at the very end");
        assertEquals(1, prompt.lateMinutes(AT.plusSeconds(121)));
        assertEquals(1, prompt.lateMinutes(AT.plusSeconds(180)));
        assertEquals(2, prompt.lateMinutes(AT.plusSeconds(181)));
        assertEquals(60, prompt.lateMinutes(AT.plusSeconds(120 + 3600)));
    }

    @Test
    void thePromptFallsWithinWakingHoursOfTheCampusZoneEvenOnDstDays() {
        PromptWindow window = PromptWindow.parse("09:00", "21:00");
        Random random = new Random(7);
        for (String zoneId : new String[] {"America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney"}) {
            ZoneId zone = ZoneId.of(zoneId);
            // ordinary days and both 2026 DST changes of New York (8 March, 1 November) and Europe (29 March, 25 October)
            for (LocalDate date : new LocalDate[] {LocalDate.of(2026, 3, 8), LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 3, 29), LocalDate.of(2026, 10, 25), LocalDate.of(2026, 6, 15)}) {
                for (int i = 0; i < 200; i++) {
                    Instant at = window.pick(date, zone, null, random);
                    ZonedDateTime local = at.atZone(zone);
                    assertEquals(date, local.toLocalDate(), zoneId + " " + date);
                    assertFalse(local.toLocalTime().isBefore(LocalTime.of(9, 0)), local.toString());
                    assertTrue(!local.toLocalTime().plusMinutes(2).isAfter(LocalTime.of(21, 0)), local.toString());
                }
            }
        }
    }

    @Test
    void aSpringForwardNightInsideTheWindowStillGivesRealLocalTimes() {
        // 01:00-04:00 in New York on 8 March 2026: 02:00-03:00 does not exist
        PromptWindow night = PromptWindow.parse("01:00", "04:00");
        ZoneId ny = ZoneId.of("America/New_York");
        Random random = new Random(3);
        for (int i = 0; i < 500; i++) {
            Instant at = night.pick(LocalDate.of(2026, 3, 8), ny, null, random);
            LocalTime local = at.atZone(ny).toLocalTime();
            assertFalse(local.getHour() == 2, "no prompt in the skipped hour: " + local);
            assertTrue(!at.isBefore(Instant.parse("2026-03-08T06:00:00Z")) && !at.isAfter(Instant.parse("2026-03-08T07:58:00Z")));
        }
    }

    @Test
    void notBeforeShrinksTodaysWindowAndAPassedWindowGivesNothing() {
        PromptWindow window = PromptWindow.parse("09:00", "21:00");
        ZoneId ny = ZoneId.of("America/New_York");
        LocalDate day = LocalDate.of(2026, 11, 29);
        Instant afternoon = day.atTime(15, 0).atZone(ny).toInstant();
        Random random = new Random(1);
        for (int i = 0; i < 100; i++) {
            assertFalse(window.pick(day, ny, afternoon, random).isBefore(afternoon));
        }
        assertNull(window.pick(day, ny, day.atTime(20, 59).atZone(ny).toInstant(), random));
    }

    @Test
    void aBadWindowFailsAtStartUp() {
        assertThrows(IllegalStateException.class, () -> PromptWindow.parse("21:00", "09:00"));
        assertThrows(IllegalStateException.class, () -> PromptWindow.parse("9am", "21:00"));
    }
}
