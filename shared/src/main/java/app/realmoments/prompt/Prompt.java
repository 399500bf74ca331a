package app.realmoments.prompt;

import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One campus's prompt of one local day: the moment everyone is nudged to post, and its 2-minute window
 * (the campus's, from {@code promptAt}; each member's own starts at their notification: {@link DailyPrompt}).
 */
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

    /** Whole minutes after the campus's window closed, rounded up; null while the window has not closed. */
    public Integer lateMinutes(Instant startedAt) {
        return lateMinutes(windowEndsAt(), startedAt);
    }

    /** Whole minutes after a window that closed at {@code windowEndsAt}, rounded up; null until it closed. */
    public static Integer lateMinutes(Instant windowEndsAt, Instant startedAt) {
        if (!startedAt.isAfter(windowEndsAt)) {
            return null;
        }
        long millis = Duration.between(windowEndsAt, startedAt).toMillis();
        return (int) ((millis + 59_999) / 60_000);
    }

    /** The id of this prompt's notification to one member (derived, as every notification id is, from its cause). */
    public String notificationIdFor(String memberId) {
        return NotificationJob.of(NotificationType.PROMPT, memberId, null, null, campusId, promptAt).notificationId();
    }
}
