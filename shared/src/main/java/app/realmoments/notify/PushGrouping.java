package app.realmoments.notify;

import app.realmoments.outbox.NotificationType;
import java.time.Duration;
import java.time.Instant;

/**
 * Many reactions to one moment make one push, and so do many comments on it: the first opens a window
 * (one per kind), the others inside it are counted instead of pushed, and the next push after the
 * window says how many there were.
 */
public interface PushGrouping {

    Duration WINDOW = Duration.ofMinutes(10);

    /** Whether this reaction pushes, and how many reactions were held back in the window before it. */
    Decision claim(String recipientId, NotificationType kind, String momentId, Instant at);

    record Decision(boolean push, long heldBefore) {
    }
}
