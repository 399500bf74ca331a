package app.realmoments.moment;

/** Turns an uploaded file into the images that are served, or says why it cannot. */
public interface PhotoPipeline {

    Result process(byte[] upload, String declaredContentType);

    sealed interface Result permits Accepted, Rejected {
    }

    /** Upright, metadata-free JPEGs; width and height are the display image's. */
    record Accepted(byte[] display, byte[] thumbnail, int width, int height) implements Result {
    }

    /** A reason the author can read. */
    record Rejected(String reason) implements Result {
    }
}
