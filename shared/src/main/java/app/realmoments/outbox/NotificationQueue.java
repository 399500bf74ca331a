package app.realmoments.outbox;

import java.time.Duration;
import java.util.List;

/** Where producers put notification jobs; the dispatcher consumes them. */
public interface NotificationQueue {

    /** The longest a job can wait in the queue before the dispatcher sees it (SQS's DelaySeconds limit). */
    Duration MAX_DELAY = Duration.ofMinutes(15);

    /** Sends every job, in as few calls as the queue allows; fails if any job could not be sent. */
    void send(List<NotificationJob> jobs);

    /** Sends every job, to be handed to the dispatcher only after {@code delay} (at most {@link #MAX_DELAY}). */
    default void send(List<NotificationJob> jobs, Duration delay) {
        send(jobs);
    }
}
