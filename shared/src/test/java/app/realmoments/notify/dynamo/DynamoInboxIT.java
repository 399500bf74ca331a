package app.realmoments.notify.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.notify.Inbox;
import app.realmoments.notify.InboxItem;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoInboxIT {

    private final DynamoInbox inbox = new DynamoInbox(LocalAws.shared().dynamo(), LocalAws.shared().table("NotificationsTable"));

    @Test
    void itemsArriveOnceReadNewestFirstAndCountUntilRead() {
        String user = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-11-29T12:00:00Z");
        List<InboxItem> items = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            NotificationJob job = NotificationJob.of(NotificationType.REACTION, user, "actor" + i, "m" + i, null, start.plusSeconds(i));
            items.add(new InboxItem(user, job.notificationId(), job.type(), job.actorId(), job.momentId(), null, start.plusSeconds(i)));
        }
        items.forEach(item -> assertTrue(inbox.add(item)));
        assertFalse(inbox.add(items.getFirst()), "a redelivered job writes nothing new");

        Inbox.Slice first = inbox.page(user, 3, null);
        assertEquals(List.of(items.get(4), items.get(3), items.get(2)), first.items());
        Inbox.Slice second = inbox.page(user, 3, first.next());
        assertEquals(List.of(items.get(1), items.get(0)), second.items());

        assertNull(inbox.readUpTo(user));
        assertEquals(5, inbox.unreadCount(user, null, 100));
        inbox.markRead(user, items.get(2).notificationId());
        inbox.markRead(user, items.get(1).notificationId());
        assertEquals(items.get(2).notificationId(), inbox.readUpTo(user), "the marker never moves back");
        assertEquals(2, inbox.unreadCount(user, inbox.readUpTo(user), 100));
        assertEquals(1, inbox.unreadCount(user, null, 1), "capped");
    }
}
