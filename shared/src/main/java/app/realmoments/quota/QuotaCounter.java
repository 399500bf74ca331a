package app.realmoments.quota;

import java.time.Instant;

/** Where uses of a rate are counted: one counter per caller, rate and window, gone after the window. */
public interface QuotaCounter {

    /**
     * Counts one use in the window {@code [start, end)} unless {@code limit} were counted there already;
     * true when this use was counted (one conditional write, so racing uses never pass the limit).
     */
    boolean take(String userId, String rate, Instant start, Instant end, int limit);
}
