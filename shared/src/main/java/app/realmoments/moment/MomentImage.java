package app.realmoments.moment;

/** One declared image of a moment and, once processed, its display size. */
public record MomentImage(ImageRole role, String contentType, long contentLength, boolean ready,
                          Integer width, Integer height) {

    public static MomentImage declared(ImageRole role, String contentType, long contentLength) {
        return new MomentImage(role, contentType, contentLength, false, null, null);
    }
}
