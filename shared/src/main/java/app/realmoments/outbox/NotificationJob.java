package app.realmoments.outbox;

import app.realmoments.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

/**
 * One notification for one recipient, as it travels on the queue. Its id is derived from its cause
 * (the time of the cause, then a hash of type, recipient and subject), so producing it twice writes
 * one inbox item.
 */
public record NotificationJob(String notificationId, NotificationType type, String recipientId, String actorId,
                              String momentId, String reason, String createdAt) {

    public static NotificationJob of(NotificationType type, String recipientId, String actorId, String momentId,
                                     String reason, Instant causedAt) {
        return new NotificationJob(derivedId(causedAt, type.wire(), recipientId, actorId, momentId),
                type, recipientId, actorId, momentId, reason, causedAt.toString());
    }

    /** A time-sortable id: the cause's time, then 16 characters of a SHA-256 of the parts. */
    static String derivedId(Instant causedAt, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            byte[] digest = sha.digest();
            byte[] entropy = new byte[10];
            System.arraycopy(digest, 0, entropy, 0, 10);
            return Ids.encodeForDerivation(causedAt, entropy);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
