package app.realmoments.testing;

import app.realmoments.notify.NotificationJob;
import app.realmoments.notify.NotificationQueue;
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
