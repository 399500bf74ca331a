package app.realmoments.outbox;

import app.realmoments.json.Wire;

public enum NotificationType implements Wire {
    FRIEND_REQUEST, FRIEND_ACCEPTED, NEW_MOMENT, REACTION, COMMENT, PROMPT, MOMENT_REJECTED,
    /** A moderator removed one of your moments. */
    MOMENT_REMOVED,
    /** The copy of your data you asked for is ready to download. */
    EXPORT_READY;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static NotificationType fromWire(String value) {
        for (NotificationType type : values()) {
            if (type.wire().equals(value)) {
                return type;
            }
        }
        return null;
    }
}
