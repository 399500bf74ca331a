package app.realmoments.prompt;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One campus's prompt of one local day: the moment everyone is nudged to post, and its 2-minute window. */
public record Prompt(String campusId, LocalDate date, Instant promptAt) {

    /** How long the window stays open after the prompt. */
    public static final Duration WINDOW = Duration.ofMinutes(2);

    public enum Status { UPCOMING, OPEN, CLOSED }

    public Instant windowEndsAt() {
        return promptAt.plus(WINDOW);
    }

    public Status status(Instant now) {
        if (now.isBefore(promptAt)) {
            return Status.UPCOMING;
        }
        return now.isBefore(windowEndsAt()) ? Status.OPEN : Status.CLOSED;
    }

    /** Whole minutes after the window closed, rounded up; null while the window has not closed. */
    public Integer lateMinutes(Instant startedAt) {
        if (!startedAt.isAfter(windowEndsAt())) {
            return null;
        }
        long millis = Duration.between(windowEndsAt(), startedAt).toMillis();
        return (int) ((millis + 59_999) / 60_000);
    }
}
