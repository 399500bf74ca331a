package app.realmoments.moment;

import app.realmoments.error.Problem;
import app.realmoments.media.ProcessedPhoto;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import app.realmoments.screening.ContentClassifier;
import app.realmoments.screening.Screening;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happens when an upload lands: the file is checked and re-encoded, the image screened (with the
 * caption) and marked ready, and the moment published once every declared image is ready — or rejected
 * with a reason, or held for review when screening flagged an image or the caption: a held moment stays
 * pending, seen by its author only, is never fanned out, and waits for a moderator's {@link #release} or
 * removal. Each step is idempotent, so a duplicated or reordered S3 event changes nothing.
 */
public final class MomentPublisher {

    public enum Outcome { PUBLISHED, IMAGE_READY, HELD, RELEASED, REJECTED, DUPLICATE, IGNORED }

    /** What the author reads when the classifier cannot read the processed image. */
    static final String UNSCREENABLE = "the image could not be screened";

    private final MomentStore moments;
    private final MediaStore media;
    private final PhotoPipeline photos;
    private final Screening screening;
    private final HeldForReview review;
    private final NotificationQueue notifications;
    private final Clock clock;

    public MomentPublisher(MomentStore moments, MediaStore media, PhotoPipeline photos, Screening screening,
                           HeldForReview review, NotificationQueue notifications, Clock clock) {
        this.moments = moments;
        this.media = media;
        this.photos = photos;
        this.screening = screening;
        this.review = review;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Without screening (nothing is ever held): for tests of the rest of the pipeline. */
    public MomentPublisher(MomentStore moments, MediaStore media, PhotoPipeline photos,
                           NotificationQueue notifications, Clock clock) {
        this(moments, media, photos, Screening.OFF, HeldForReview.NONE, notifications, clock);
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
            // a redelivery after this image was marked ready (screened) but before the moment was published:
            // finish it; a held moment does not publish
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
        Optional<String> why;
        try {
            // a throttled or failing classifier throws: the event is retried, nothing is published unscreened
            why = screen(moment, upload.role(), accepted.display());
        } catch (ContentClassifier.UnreadableImage unreadable) {
            return reject(moment, UNSCREENABLE);
        }
        media.write(MediaKeys.display(moment.momentId(), upload.role()), accepted.display(), ProcessedPhoto.CONTENT_TYPE);
        media.write(MediaKeys.thumbnail(moment.momentId(), upload.role()), accepted.thumbnail(), ProcessedPhoto.CONTENT_TYPE);
        boolean holds = why.isPresent() && !moment.held(); // held by another image already: once is enough
        if (holds) {
            // the queue first, then the moment: a retry after a failure between them sends the same hold again
            // (the queue keeps one per target), and the image is marked ready only once the hold is stored, so
            // the redelivery path above can never publish it
            review.hold(new HeldForReview.Held("moment", moment.momentId(), moment.momentId(), moment.authorId(),
                    why.get()));
            moments.hold(moment.momentId());
        }
        MomentStore.ImageMark mark = moments.markImageReady(moment.momentId(), upload.role(),
                accepted.width(), accepted.height());
        boolean published = moments.publishIfComplete(moment.momentId(), clock.instant());
        media.delete(key);
        if (published) {
            return new Result(Outcome.PUBLISHED, moment.momentId(), null);
        }
        if (holds) {
            return new Result(Outcome.HELD, moment.momentId(), why.get());
        }
        return new Result(mark == MomentStore.ImageMark.MARKED ? Outcome.IMAGE_READY : Outcome.DUPLICATE,
                moment.momentId(), why.orElse(null));
    }

    /** Why this image or the moment's caption is held for review; empty when both may be shown. */
    private Optional<String> screen(Moment moment, ImageRole role, byte[] display) {
        List<String> reasons = new ArrayList<>();
        screening.image(display).ifPresent(labels -> reasons.add(role.wire() + " image: " + labels));
        if (moment.review() != Moment.Review.RELEASED) { // a moderator has read the caption and let it be
            screening.text(moment.caption()).ifPresent(words -> reasons.add("caption: " + words));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
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
