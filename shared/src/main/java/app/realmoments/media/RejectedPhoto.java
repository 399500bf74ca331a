package app.realmoments.media;

/**
 * An uploaded file that will not become a moment's photo. {@link #reason()} is a short sentence a
 * student can read ("the file is not a JPEG or PNG image"); {@link #kind()} is for code and metrics.
 * A rejection is final: retrying the same bytes gives the same answer.
 */
public final class RejectedPhoto extends RuntimeException {

    public enum Kind {
        /** Zero bytes. */
        EMPTY,
        /** More bytes than the limit. */
        TOO_LARGE,
        /** The declared content type is not one of the accepted ones. */
        UNSUPPORTED_TYPE,
        /** The bytes are neither a JPEG nor a PNG. */
        NOT_AN_IMAGE,
        /** The bytes are a JPEG or a PNG, but not the one declared. */
        TYPE_MISMATCH,
        /** Zero or absurd width or height. */
        BAD_DIMENSIONS,
        /** More pixels than the limit, refused from the header before any decoding. */
        TOO_MANY_PIXELS,
        /** A valid file that uses a feature this service does not decode (unknown critical PNG chunk, too many JPEG scans). */
        UNSUPPORTED_ENCODING,
        /** Truncated or damaged data. */
        CORRUPT
    }

    private final Kind kind;

    public RejectedPhoto(Kind kind, String reason) {
        this(kind, reason, null);
    }

    public RejectedPhoto(Kind kind, String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The reason in the product's words, fit to store on the moment and show its author. */
    public String reason() {
        return getMessage();
    }

    @Override
    public String toString() {
        return "RejectedPhoto[" + kind + ": " + getMessage() + "]";
    }
}
