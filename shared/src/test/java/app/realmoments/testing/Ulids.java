package app.realmoments.testing;

import app.realmoments.id.Ids;
import java.security.SecureRandom;
import java.time.Instant;

/** Well-formed ids for tests, in creation order. */
public final class Ulids {

    private static final Ids IDS = new Ids(new SecureRandom());
    private static long millis = Instant.parse("2026-11-29T12:00:00Z").toEpochMilli();

    private Ulids() {
    }

    public static synchronized String next() {
        return IDS.next(Instant.ofEpochMilli(millis++));
    }
}
