package app.realmoments.moment;

import app.realmoments.json.Wire;

/** Who a moment is for: the author's accepted friends, or everyone on the author's campus. */
public enum Audience implements Wire {
    FRIENDS, CAMPUS;

    @Override
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
