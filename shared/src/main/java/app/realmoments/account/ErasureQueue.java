package app.realmoments.account;

import java.time.Duration;

/** Where erasure jobs wait for the eraser (a queue with a dead-letter queue after a few receives). */
public interface ErasureQueue {

    /** Queues the job, visible after {@code delay} (at most 15 minutes). */
    void send(ErasureJob job, Duration delay);
}
