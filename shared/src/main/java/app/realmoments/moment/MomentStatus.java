package app.realmoments.moment;

import com.fasterxml.jackson.annotation.JsonValue;

public enum MomentStatus {
    PENDING, PUBLISHED, REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MomentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
