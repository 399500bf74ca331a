package app.realmoments.notify;

import app.realmoments.json.Wire;
import java.util.Locale;

/** The mobile push services a device token belongs to: Firebase Cloud Messaging or Apple's APNs. */
public enum PushPlatform implements Wire {
    FCM, APNS;

    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PushPlatform fromWire(String value) {
        for (PushPlatform platform : values()) {
            if (platform.wire().equals(value)) {
                return platform;
            }
        }
        return null;
    }
}
