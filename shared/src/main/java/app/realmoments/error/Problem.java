package app.realmoments.error;

/**
 * A request the product refuses, in the product's words. The HTTP glue turns the kind into a status;
 * the domain never speaks HTTP.
 */
public final class Problem extends RuntimeException {

    public enum Kind {
        INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409),
        TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415), THROTTLED(429);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final long retryAfterSeconds;

    public Problem(Kind kind, String code, String message, String field) {
        this(kind, code, message, field, 0);
    }

    private Problem(Kind kind, String code, String message, String field, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Too many of something for now: a 429 {@code throttled} whose Retry-After says when to try again. */
    public static Problem throttled(String message, long retryAfterSeconds) {
        return new Problem(Kind.THROTTLED, "throttled", message, null, Math.max(1, retryAfterSeconds));
    }

    public static Problem invalid(String field, String message) {
        return new Problem(Kind.INVALID, "validation_failed", message, field);
    }

    /** Not found, or not visible to the caller: the two are never told apart. */
    public static Problem notFound(String what) {
        return new Problem(Kind.NOT_FOUND, "not_found", what + " not found", null);
    }

    public static Problem forbidden(String message) {
        return new Problem(Kind.FORBIDDEN, "forbidden", message, null);
    }

    public static Problem conflict(String code, String message, String field) {
        return new Problem(Kind.CONFLICT, code, message, field);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Seconds until trying again can succeed (a 429's Retry-After); 0 when the problem is not a throttle. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
