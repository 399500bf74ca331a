package app.realmoments.export;

import java.time.Duration;
import java.time.Instant;

/**
 * One copy of a user's data they asked for. Kept {@link #KEPT} after it was asked for: then its item
 * (TTL) and its archive (the bucket's lifecycle rule) go away.
 *
 * @param readyAt when its archive was complete; null while it is being built
 */
public record Export(String userId, String exportId, ExportStatus status, Instant createdAt, Instant readyAt,
                     Instant expiresAt) {

    /** How long an export is kept (api.md: 7 days). */
    public static final Duration KEPT = Duration.ofDays(7);

    public static Export requested(String userId, String exportId, Instant at) {
        return new Export(userId, exportId, ExportStatus.PREPARING, at, null, at.plus(KEPT));
    }

    public Export ready(Instant at) {
        return new Export(userId, exportId, ExportStatus.READY, createdAt, at, expiresAt);
    }

    /** Past its time: gone for the user even while DynamoDB's TTL has not removed it yet. */
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
