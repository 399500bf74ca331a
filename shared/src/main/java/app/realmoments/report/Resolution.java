package app.realmoments.report;

import java.time.Instant;

/** What a moderator decided about a target's open reports, as the audit log keeps it. */
public record Resolution(String auditId, String reportId, Target target, Action action, String moderatorId,
                         String note, Instant at) {

    /** dismiss: nothing wrong (shown again, a held moment published); remove: deleted; suspend_author. */
    public enum Action {
        DISMISS, REMOVE, SUSPEND_AUTHOR;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Action fromWire(String wire) {
            for (Action action : values()) {
                if (action.wire().equals(wire)) {
                    return action;
                }
            }
            return null;
        }
    }
}
