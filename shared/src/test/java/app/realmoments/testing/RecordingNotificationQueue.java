package app.realmoments.testing;

import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

public final class RecordingNotificationQueue implements NotificationQueue {

    public final List<NotificationJob> sent = new CopyOnWriteArrayList<>();
    public int calls;

    @Override
    public void send(List<NotificationJob> jobs) {
        calls++;
        sent.addAll(jobs);
    }
}
