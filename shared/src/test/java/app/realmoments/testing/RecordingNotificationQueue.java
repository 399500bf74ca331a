package app.realmoments.testing;

import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public class RecordingNotificationQueue implements NotificationQueue {

    public final List<NotificationJob> sent = new CopyOnWriteArrayList<>();
    /** The delay each sent job was given, in the order of {@link #sent}. */
    public final List<Duration> delays = new CopyOnWriteArrayList<>();
    public int calls;

    @Override
    public void send(List<NotificationJob> jobs) {
        send(jobs, Duration.ZERO);
    }

    @Override
    public synchronized void send(List<NotificationJob> jobs, Duration delay) {
        calls++;
        sent.addAll(jobs);
        jobs.forEach(job -> delays.add(delay));
    }
}
