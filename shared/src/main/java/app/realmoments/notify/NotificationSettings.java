package app.realmoments.notify;

import app.realmoments.outbox.NotificationType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a user asked not to be bothered with. A muted type is neither written to the inbox nor pushed,
 * except {@code prompt}: the daily prompt always reaches the inbox, and muting it silences its push only.
 * During quiet hours (in the campus's time zone) nothing is pushed; the inbox still gets everything.
 */
public record NotificationSettings(Set<NotificationType> muted, QuietHours quietHours) {

    public static final NotificationSettings DEFAULT = new NotificationSettings(Set.of(), null);

    public NotificationSettings {
        muted = muted == null || muted.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(muted));
    }

    /** False when the user muted this type: no inbox item (a prompt still gets one) and no push. */
    public boolean keepsInInbox(NotificationType type) {
        return type == NotificationType.PROMPT || !muted.contains(type);
    }

    public boolean pushes(NotificationType type) {
        return !muted.contains(type);
    }
}
