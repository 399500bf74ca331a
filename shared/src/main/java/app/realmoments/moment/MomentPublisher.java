package app.realmoments.moment;

import app.realmoments.error.Problem;
import app.realmoments.media.ProcessedPhoto;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens when an upload lands: the file is checked and re-encoded, the image marked ready,
 * and the moment published once every declared image is ready — or rejected with a reason. Each step
 * is idempotent, so a duplicated or reordered S3 event changes nothing.
 */
public final class MomentPublisher {

    public enum Outcome { PUBLISHED, IMAGE_READY, REJECTED, DUPLICATE, IGNORED }

    private final MomentStore moments;
    private final MediaStore media;
    private final PhotoPipeline photos;
    private final NotificationQueue notifications;
    private final Clock clock;

    public MomentPublisher(MomentStore moments, MediaStore media, PhotoPipeline photos,
                            NotificationQueue notifications, Clock clock) {
        this.moments = moments;
        this.media = media;
        this.photos = photos;
        this.notifications = notifications;
        this.clock = clock;
    }

    public record Result(Outcome outcome, String momentId, String detail) {
    }

    public Result uploaded(String key) {
        Optional<MediaKeys.UploadKey> parsed = MediaKeys.parseUpload(key);
        if (parsed.isEmpty()) {
            media.delete(key);
            return new Result(Outcome.IGNORED, null, "not an upload key");
        }
        MediaKeys.UploadKey upload = parsed.get();
        Moment moment = moments.find(upload.momentId()).orElse(null);
        MomentImage image = moment == null ? null : moment.images().get(upload.role());
        if (moment == null || !moment.authorId().equals(upload.userId()) || image == null) {
            media.delete(key);
            return new Result(Outcome.IGNORED, upload.momentId(), "no pending moment declares this upload");
        }
        if (moment.status() == MomentStatus.PENDING && image.ready()) {
            // a redelivery after this image was marked ready but before the moment was published: finish it
            boolean published = moments.publishIfComplete(moment.momentId(), clock.instant());
            media.delete(key);
            return published ? new Result(Outcome.PUBLISHED, moment.momentId(), "published on redelivery")
                    : new Result(Outcome.DUPLICATE, moment.momentId(), "image already ready");
        }
        if (moment.status() != MomentStatus.PENDING) {
            media.delete(key);
            return new Result(Outcome.DUPLICATE, moment.momentId(), "already " + moment.status().wire());
        }
        byte[] bytes;
        try {
            Optional<byte[]> read = media.read(key, NewMoment.MAX_IMAGE_BYTES);
            if (read.isEmpty()) {
                return new Result(Outcome.DUPLICATE, moment.momentId(), "upload already processed");
            }
            bytes = read.get();
        } catch (Problem tooLarge) {
            return reject(moment, "the file is larger than 15 MiB");
        }
        if (bytes.length != image.contentLength()) {
            return reject(moment, "the file is " + bytes.length + " bytes but " + image.contentLength() + " were declared");
        }
        PhotoPipeline.Result result = photos.process(bytes, image.contentType());
        if (result instanceof PhotoPipeline.Rejected rejected) {
            return reject(moment, rejected.reason());
        }
        PhotoPipeline.Accepted accepted = (PhotoPipeline.Accepted) result;
        media.write(MediaKeys.display(moment.momentId(), upload.role()), accepted.display(), ProcessedPhoto.CONTENT_TYPE);
        media.write(MediaKeys.thumbnail(moment.momentId(), upload.role()), accepted.thumbnail(), ProcessedPhoto.CONTENT_TYPE);
        MomentStore.ImageMark mark = moments.markImageReady(moment.momentId(), upload.role(),
                accepted.width(), accepted.height());
        boolean published = moments.publishIfComplete(moment.momentId(), clock.instant());
        media.delete(key);
        if (published) {
            return new Result(Outcome.PUBLISHED, moment.momentId(), null);
        }
        return new Result(mark == MomentStore.ImageMark.MARKED ? Outcome.IMAGE_READY : Outcome.DUPLICATE,
                moment.momentId(), null);
    }

    private Result reject(Moment moment, String reason) {
        // queued first, with an id derived from the moment, so a retry after a failure re-sends the same job
        notifications.send(List.of(NotificationJob.of(NotificationType.MOMENT_REJECTED, moment.authorId(), null,
                moment.momentId(), reason, moment.createdAt())));
        boolean changed = moments.reject(moment.momentId(), reason);
        // nothing of a rejected moment is kept: every upload and any image already made
        List<String> keys = new ArrayList<>();
        for (ImageRole role : moment.images().keySet()) {
            keys.add(MediaKeys.upload(moment.authorId(), moment.momentId(), role));
            keys.add(MediaKeys.display(moment.momentId(), role));
            keys.add(MediaKeys.thumbnail(moment.momentId(), role));
        }
        media.delete(keys.toArray(String[]::new));
        return new Result(changed ? Outcome.REJECTED : Outcome.DUPLICATE, moment.momentId(), reason);
    }
}
