package app.realmoments.moment;

import java.time.Instant;
import java.util.Map;

/**
 * A moment as stored: who posted it, for whom, and where its images are in the pipeline. {@code hidden}:
 * moderation hid it (enough distinct reports, until a moderator reviews it); only its author sees it then.
 */
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
        Map<ImageRole, MomentImage> images,
        Map<String, Integer> reactionCounts,
        int commentCount,
        boolean hidden) {

    public Moment {
        images = Map.copyOf(images);
        reactionCounts = reactionCounts == null ? Map.of() : Map.copyOf(reactionCounts);
    }

    /** A moment moderation has not hidden. */
    public Moment(String momentId, String authorId, String caption, Audience audience, String campusId,
                  MomentStatus status, String rejectReason, Instant createdAt, Instant publishedAt,
                  Integer lateMinutes, Map<ImageRole, MomentImage> images, Map<String, Integer> reactionCounts,
                  int commentCount) {
        this(momentId, authorId, caption, audience, campusId, status, rejectReason, createdAt, publishedAt,
                lateMinutes, images, reactionCounts, commentCount, false);
    }

    /** A moment nobody has reacted to or commented on yet. */
    public Moment(String momentId, String authorId, String caption, Audience audience, String campusId,
                  MomentStatus status, String rejectReason, Instant createdAt, Instant publishedAt,
                  Integer lateMinutes, Map<ImageRole, MomentImage> images) {
        this(momentId, authorId, caption, audience, campusId, status, rejectReason, createdAt, publishedAt,
                lateMinutes, images, Map.of(), 0);
    }

    /** This moment with a late mark (minutes after the day's prompt window closed). */
    public Moment withLateMinutes(Integer minutes) {
        return new Moment(momentId, authorId, caption, audience, campusId, status, rejectReason, createdAt,
                publishedAt, minutes, images, reactionCounts, commentCount, hidden);
    }

    public boolean isPublished() {
        return status == MomentStatus.PUBLISHED;
    }
}
