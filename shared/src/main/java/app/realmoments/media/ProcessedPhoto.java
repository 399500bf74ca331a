package app.realmoments.media;

/**
 * What a moment shows: a display JPEG and a thumbnail JPEG, upright, sRGB, with no metadata at all.
 * {@code width} and {@code height} are the display image's.
 */
public record ProcessedPhoto(byte[] display, byte[] thumbnail, int width, int height) {

    public static final String CONTENT_TYPE = "image/jpeg";

    @Override
    public String toString() {
        return "ProcessedPhoto[" + width + "x" + height + ", display " + display.length + " B, thumbnail "
                + thumbnail.length + " B]";
    }
}
