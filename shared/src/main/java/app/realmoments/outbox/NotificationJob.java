package app.realmoments.outbox;

import app.realmoments.id.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * One notification for one recipient, or the same notification for many ({@code recipientIds}, at most
 * {@link #MAX_RECIPIENTS}), as it travels on the queue. Each recipient's notification id is derived from
 * its cause (the time of the cause, then a hash of type, recipient and subject), so producing it twice, or
 * once alone and once among many, writes one inbox item.
 *
 * @param recipientId  the one recipient; null in a job for many
 * @param recipientIds the recipients of a job for many; null in a job for one
 */
public record NotificationJob(String notificationId, NotificationType type, String recipientId, String actorId,
                              String momentId, String reason, String createdAt, List<String> recipientIds) {

    /** Recipients one job may carry: a transaction's worth of inbox items, and about 4 KB of SQS message. */
    public static final int MAX_RECIPIENTS = 100;

    public NotificationJob(String notificationId, NotificationType type, String recipientId, String actorId,
                           String momentId, String reason, String createdAt) {
        this(notificationId, type, recipientId, actorId, momentId, reason, createdAt, null);
    }

    public static NotificationJob of(NotificationType type, String recipientId, String actorId, String momentId,
                                     String reason, Instant causedAt) {
        return new NotificationJob(derivedId(causedAt, type.wire(), recipientId, actorId, momentId),
                type, recipientId, actorId, momentId, reason, causedAt.toString());
    }

    /**
     * The same notification for many recipients in one job; its own id (what logs name it by) is derived from
     * the first and last of them. Each recipient gets exactly the notification {@link #of} would make.
     */
    public static NotificationJob forMany(NotificationType type, List<String> recipientIds, String actorId,
                                          String momentId, String reason, Instant causedAt) {
        if (recipientIds.isEmpty() || recipientIds.size() > MAX_RECIPIENTS) {
            throw new IllegalArgumentException("a job carries 1 to " + MAX_RECIPIENTS + " recipients");
        }
        return new NotificationJob(derivedId(causedAt, type.wire(), "many", recipientIds.getFirst(),
                recipientIds.getLast(), Integer.toString(recipientIds.size()), actorId, momentId),
                type, null, actorId, momentId, reason, causedAt.toString(), List.copyOf(recipientIds));
    }

    /** True for a job that carries many recipients. */
    public boolean carriesMany() {
        return recipientIds != null;
    }

    /** The job's notification for each of its recipients (this job itself when it has one). */
    public List<NotificationJob> each() {
        if (recipientIds == null) {
            return List.of(this);
        }
        Instant causedAt = Instant.parse(createdAt);
        return recipientIds.stream().map(recipient -> of(type, recipient, actorId, momentId, reason, causedAt)).toList();
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
