package app.realmoments.moment;

import java.time.Instant;

/** How late a moment started after its campus's daily prompt window closed (the {@code late} mark). */
@FunctionalInterface
public interface LateMoments {

    /** Whole minutes (rounded up) after today's window closed, or null when on time or there is no prompt. */
    Integer lateMinutes(String campusId, Instant startedAt);
}
