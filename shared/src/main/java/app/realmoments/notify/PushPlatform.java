package app.realmoments.notify;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The mobile push services a device token belongs to: Firebase Cloud Messaging or Apple's APNs. */
public enum PushPlatform {
    FCM, APNS;

    @JsonValue
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
