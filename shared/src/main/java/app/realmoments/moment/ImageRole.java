package app.realmoments.moment;

import app.realmoments.json.Wire;

/** The two cameras: the back one (required, what is happening) and the front one (the selfie). */
public enum ImageRole implements Wire {
    BACK, FRONT;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ImageRole fromWire(String value) {
        for (ImageRole role : values()) {
            if (role.wire().equals(value)) {
                return role;
            }
        }
        return null;
    }
}
