package app.realmoments.notify;

import app.realmoments.outbox.NotificationType;
import java.time.Instant;

/** One notification in a user's inbox. */
public record InboxItem(String recipientId, String notificationId, NotificationType type, String actorId,
                        String momentId, String reason, Instant createdAt) {
}
