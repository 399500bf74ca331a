package app.realmoments.id;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under one of the stage's secrets, an initialised {@link Mac} per thread: made once, not on
 * every call (cursors and the closed-account check run on every request). {@code doFinal} leaves it reset
 * for the next use.
 */
public final class HmacSha256 {

    private final ThreadLocal<Mac> macs;

    public HmacSha256(String secret) {
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
        macs.get(); // fail at construction, not at the first use, if HmacSHA256 is unavailable
    }

    /** The MAC of the parts, each UTF-8 and followed by a zero byte but the last. */
    public byte[] of(String... parts) {
        Mac mac = macs.get();
        for (int i = 0; i < parts.length - 1; i++) {
            mac.update(parts[i].getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
        }
        return mac.doFinal(parts[parts.length - 1].getBytes(StandardCharsets.UTF_8));
    }
}
