package app.realmoments.outbox;

import java.util.List;

/** Where producers put notification jobs; the dispatcher consumes them. */
public interface NotificationQueue {

    /** Sends every job, in as few calls as the queue allows; fails if any job could not be sent. */
    void send(List<NotificationJob> jobs);
}
