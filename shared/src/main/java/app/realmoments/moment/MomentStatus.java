package app.realmoments.moment;

import app.realmoments.json.Wire;

public enum MomentStatus implements Wire {
    PENDING, PUBLISHED, REJECTED;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MomentStatus fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
