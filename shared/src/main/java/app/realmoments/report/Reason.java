package app.realmoments.report;

/** Why someone reported something: the fixed list of api.md. */
public enum Reason {
    SPAM, HARASSMENT, NUDITY, VIOLENCE, SELF_HARM, HATE, OTHER;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reason of this wire name, or null for anything else. */
    public static Reason fromWire(String wire) {
        for (Reason reason : values()) {
            if (reason.wire().equals(wire)) {
                return reason;
            }
        }
        return null;
    }
}
