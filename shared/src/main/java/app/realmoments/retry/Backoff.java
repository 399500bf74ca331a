package app.realmoments.retry;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before trying again, for every retry loop in the code: exponential backoff with full jitter
 * (a random pause from zero up to {@code base x 2^attempt}, capped), so that writers that collided once
 * do not collide again in step, and a throttled table gets air.
 */
public final class Backoff {

    /** How a pause is taken: {@code Thread::sleep}, or a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** The longest pause of {@link #STANDARD}. */
    public static final long STANDARD_MAX_MILLIS = 2_000;
    /** 25 ms x 2^attempt, at most 2 s: what DynamoDB, SQS and SNS retries use. */
    public static final Backoff STANDARD = new Backoff(25, STANDARD_MAX_MILLIS, Thread::sleep);

    private final long baseMillis;
    private final long maxMillis;
    private final Sleeper sleeper;

    public Backoff(long baseMillis, long maxMillis, Sleeper sleeper) {
        this.baseMillis = baseMillis;
        this.maxMillis = maxMillis;
        this.sleeper = sleeper;
    }

    /** The standard curve, paused through {@code sleeper}. */
    public static Backoff standard(Sleeper sleeper) {
        return new Backoff(STANDARD.baseMillis, STANDARD.maxMillis, sleeper);
    }

    /** Pauses before try number {@code attempt + 1} (attempt 1 is the first retry). */
    public void pause(int attempt) {
        long ceiling = Math.min(maxMillis, baseMillis << Math.min(Math.max(attempt, 0), 20));
        try {
            sleeper.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
