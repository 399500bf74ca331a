package app.realmoments.report;

/** What a report is about. */
public enum TargetType {
    MOMENT, COMMENT, USER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The type of this wire name, or null for anything else. */
    public static TargetType fromWire(String wire) {
        for (TargetType type : values()) {
            if (type.wire().equals(wire)) {
                return type;
            }
        }
        return null;
    }
}
