package app.realmoments.notify;

import com.fasterxml.jackson.annotation.JsonValue;

public enum NotificationType {
    FRIEND_REQUEST, FRIEND_ACCEPTED, NEW_MOMENT, REACTION, COMMENT, PROMPT, MOMENT_REJECTED;

    @JsonValue
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
