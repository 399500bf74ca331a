package app.realmoments.moment;

import java.time.Instant;

/** How late a moment started after its author's daily prompt window closed (the {@code late} mark). */
@FunctionalInterface
public interface LateMoments {

    /**
     * Whole minutes (rounded up) after the author's window of today's prompt closed (two minutes after their
     * own notification), or null when on time or there is no prompt.
     */
    Integer lateMinutes(String authorId, String campusId, Instant startedAt);
}
