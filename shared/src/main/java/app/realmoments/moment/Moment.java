package app.realmoments.moment;

import java.time.Instant;
import java.util.Map;

/** A moment as stored: who posted it, for whom, and where its images are in the pipeline. */
public record Moment(
        String momentId,
        String authorId,
        String caption,
        Audience audience,
        String campusId,
        MomentStatus status,
        String rejectReason,
        Instant createdAt,
        Instant publishedAt,
        Integer lateMinutes,
        Map<ImageRole, MomentImage> images) {

    public Moment {
        images = Map.copyOf(images);
    }

    public boolean isPublished() {
        return status == MomentStatus.PUBLISHED;
    }
}
