package app.realmoments.moment;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who a moment is for: the author's accepted friends, or everyone on the author's campus. */
public enum Audience {
    FRIENDS, CAMPUS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Audience fromWire(String value) {
        for (Audience audience : values()) {
            if (audience.wire().equals(value)) {
                return audience;
            }
        }
        return null;
    }
}
