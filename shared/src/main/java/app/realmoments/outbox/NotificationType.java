package app.realmoments.outbox;

import app.realmoments.json.Wire;

public enum NotificationType implements Wire {
    FRIEND_REQUEST, FRIEND_ACCEPTED, NEW_MOMENT, REACTION, COMMENT, PROMPT, MOMENT_REJECTED;

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
