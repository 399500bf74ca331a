package app.realmoments.runtime.lambda;

/**
 * One instance of a function, Lambda's execution environment: created by a cold start (the init
 * phase), then serving one invocation at a time. {@link LocalFunction} keeps up to
 * {@link LocalFunction#MAX_INSTANCES} of them and enforces the init timeout and the function's Timeout.
 */
interface Container {

    /**
     * Runs one invocation: the event's JSON in, the answer's JSON out. Throws what the handler threw
     * (a {@link FunctionError} when it failed in another process); interruptible.
     */
    String invoke(String requestId, String eventJson, long deadlineEpochMs) throws Exception;

    /** Whether it can take another invocation. */
    boolean reusable();

    /** What the cold-start line says about it (empty for nothing). */
    String description();

    /** Ends it after an invocation that went well but left it not {@link #reusable()}. */
    default void retire() {
        close();
    }

    /** Ends it now: nothing of it runs afterwards (for a container JVM: its whole process tree). */
    void close();
}
