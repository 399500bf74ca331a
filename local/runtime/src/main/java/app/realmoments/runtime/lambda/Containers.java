package app.realmoments.runtime.lambda;

/** How a function's containers are made: in the runtime's JVM ({@link InProcessContainers}) or each in a JVM of its own ({@link ProcessContainers}). */
interface Containers extends AutoCloseable {

    /**
     * Makes one container: Lambda's init phase. Returns once it is ready for its first invocation;
     * interruptible (an init that takes too long is given up). Throws a
     * {@link LocalFunction.FunctionInitException} when the handler cannot be found, else what its init threw.
     */
    Container start() throws Exception;

    /** Stops what is left of the containers it made. */
    @Override
    void close();
}
