package app.realmoments.quota;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.testing.InMemoryQuotaCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Past a quota the caller is told to come back later, and exactly when the window turns. */
class QuotasTest {

    private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

    private final InMemoryQuotaCounter counter = new InMemoryQuotaCounter();

    private Quotas at(Instant now, Map<String, String> settings) {
        return Quotas.configured(counter, settings::get, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aRateAllowsItsUsesPerWindowThenAnswers429UntilTheWindowTurns() {
        Quotas quotas = at(NOON, Map.of("QUOTA_COMMENTS", "3/1h"));
        for (int i = 0; i < 3; i++) {
            quotas.take("ana", Quotas.Rate.COMMENTS);
        }

        Problem throttled = assertThrows(Problem.class, () -> quotas.take("ana", Quotas.Rate.COMMENTS));

        assertEquals(Problem.Kind.THROTTLED, throttled.kind());
        assertEquals("throttled", throttled.code());
        assertEquals(3601, throttled.retryAfterSeconds(), "noon is the start of an hour: the next one starts in 3600 s");
        assertEquals("too many comments: at most 3 per hour", throttled.getMessage());
        assertDoesNotThrow(() -> quotas.take("ben", Quotas.Rate.COMMENTS), "quotas are per caller");
        assertDoesNotThrow(() -> quotas.take("ana", Quotas.Rate.REACTIONS), "and per action");
        assertDoesNotThrow(() -> at(NOON.plus(Duration.ofHours(1)), Map.of("QUOTA_COMMENTS", "3/1h"))
                .take("ana", Quotas.Rate.COMMENTS), "the next window starts afresh");
    }

    @Test
    void retryAfterCountsTheSecondsLeftInTheWindow() {
        Quotas quotas = at(NOON.plusSeconds(3590), Map.of("QUOTA_EXPORTS", "1/1h"));
        quotas.take("ana", Quotas.Rate.EXPORTS);
        assertEquals(11, assertThrows(Problem.class, () -> quotas.take("ana", Quotas.Rate.EXPORTS)).retryAfterSeconds());
    }

    @Test
    void aCapCountsWhatTheCallerHoldsAtOnce() {
        Quotas quotas = at(NOON, Map.of("QUOTA_PENDING_MOMENTS", "2"));
        assertDoesNotThrow(() -> quotas.below(Quotas.Cap.PENDING_MOMENTS, 1));
        Problem full = assertThrows(Problem.class, () -> quotas.below(Quotas.Cap.PENDING_MOMENTS, 2));
        assertEquals(Problem.Kind.THROTTLED, full.kind());
        assertEquals(60, full.retryAfterSeconds());
    }

    @Test
    void unsetQuotasKeepTheirDefaultsAndMalformedOnesFailAtStartUp() {
        Quotas defaults = at(NOON, Map.of());
        assertEquals(new Quotas.Window(20, Duration.ofDays(1)), defaults.limit(Quotas.Rate.MOMENTS_STARTED));
        assertEquals(10, defaults.limit(Quotas.Cap.DEVICES));
        assertEquals(new Quotas.Window(5, Duration.ofMinutes(10)),
                at(NOON, Map.of("QUOTA_REPORTS", "5/10m")).limit(Quotas.Rate.REPORTS));
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> at(NOON, Map.of("QUOTA_COMMENTS", "lots")));
        assertEquals("QUOTA_COMMENTS must be uses/window such as 20/1d, 60/1h or 5/10m: lots", bad.getMessage());
        assertThrows(IllegalStateException.class, () -> at(NOON, Map.of("QUOTA_DEVICES", "ten")));
    }

    @Test
    void aZeroRateRefusesEveryUse() {
        assertThrows(Problem.class, () -> at(NOON, Map.of("QUOTA_REPORTS", "0/1d")).take("ana", Quotas.Rate.REPORTS));
    }
}
