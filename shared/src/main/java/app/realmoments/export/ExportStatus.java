package app.realmoments.export;

import app.realmoments.json.Wire;

/** Where an export stands: its archive is being built, or it can be downloaded. */
public enum ExportStatus implements Wire {
    PREPARING, READY;

    @Override
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ExportStatus fromWire(String value) {
        for (ExportStatus status : values()) {
            if (status.wire().equals(value)) {
                return status;
            }
        }
        return null;
    }
}
