package app.realmoments.id;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Opaque, URL-safe, time-sortable ids (ULID: 48-bit millisecond time, 80 random bits, Crockford base32).
 * Their lexical order is their creation order, which is what the feed's sort keys rely on.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    private final SecureRandom random;

    public Ids(SecureRandom random) {
        this.random = random;
    }

    public Ids() {
        this(new SecureRandom());
    }

    public String next(Instant at) {
        byte[] entropy = new byte[10];
        random.nextBytes(entropy);
        return encode(at.toEpochMilli(), entropy);
    }

    /** True when {@code value} has the shape of an id; anything else is rejected before it reaches storage. */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** The smallest id of the given instant, for range queries ("everything since t"). */
    public static String floorOf(Instant at) {
        return encode(at.toEpochMilli(), new byte[10]);
    }

    /** An id for the instant whose random part is given: for ids derived from their cause. */
    public static String encodeForDerivation(Instant at, byte[] entropy) {
        if (entropy.length != 10) {
            throw new IllegalArgumentException("an id carries 10 bytes of entropy");
        }
        return encode(at.toEpochMilli(), entropy);
    }

    static String encode(long millis, byte[] entropy) {
        char[] out = new char[26];
        long time = millis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 bits of entropy as 16 base32 characters
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (entropy[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (entropy[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
