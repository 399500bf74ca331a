package app.realmoments.functions.uploadprocessor;

import app.realmoments.media.PhotoSanitizer;
import app.realmoments.media.ProcessedPhoto;
import app.realmoments.media.RejectedPhoto;
import app.realmoments.moment.PhotoPipeline;

/** The moment pipeline's view of the photo sanitizer. */
final class SanitizingPipeline implements PhotoPipeline {

    private final PhotoSanitizer sanitizer = PhotoSanitizer.withDefaults();

    @Override
    public Result process(byte[] upload, String declaredContentType) {
        try {
            ProcessedPhoto photo = sanitizer.sanitize(upload, declaredContentType);
            return new Accepted(photo.display(), photo.thumbnail(), photo.width(), photo.height());
        } catch (RejectedPhoto rejected) {
            return new Rejected(rejected.reason());
        }
    }
}
