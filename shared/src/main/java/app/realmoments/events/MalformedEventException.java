package app.realmoments.events;

/**
 * The event a function was handed is not what its source sends: not JSON, no {@code Records}, a record
 * without its id, an attribute value of no DynamoDB type. Thrown before any record is handled, so the
 * invocation fails and Lambda retries (and in the end dead-letters) the batch; nothing is dropped.
 */
public final class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
