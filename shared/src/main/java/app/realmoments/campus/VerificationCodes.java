package app.realmoments.campus;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The six-digit codes of campus verification: drawn from a secure random source, stored only as an
 * HMAC-SHA256 under the stage's secret key and the verification's id (a leaked table gives neither the
 * codes nor, in a million tries offline, a way to find them), compared in constant time.
 */
public final class VerificationCodes {

    /** Sets the code's hash apart from anything else the same key signs (list cursors). */
    private static final String PURPOSE = "campus-verification-code\n";

    private final SecretKeySpec key;
    private final RandomGenerator random;

    public VerificationCodes(String secret) {
        this(secret, new SecureRandom());
    }

    public VerificationCodes(String secret, RandomGenerator random) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("the verification code key must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.random = random;
    }

    /** A fresh code: six digits, leading zeros kept. */
    public String next() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public String hash(String verificationId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((PURPOSE + verificationId + "\n" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code code} is the one this verification sent, compared in constant time. */
    public boolean matches(Verification verification, String code) {
        return MessageDigest.isEqual(hash(verification.verificationId(), code).getBytes(StandardCharsets.US_ASCII),
                verification.codeHash().getBytes(StandardCharsets.US_ASCII));
    }
}
