package app.realmoments.moment;

import java.time.Instant;
import java.util.Map;

/**
 * A moment as stored: who posted it, for whom, and where its images are in the pipeline. {@code review}
 * {@code HELD}: screening flagged an image or the caption, so the moment stays pending, seen by its author
 * only, until a moderator releases it (then it is published) or removes it. {@code hidden}: moderation hid
 * it (enough distinct reports, until a moderator reviews it); only its author sees it then.
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
        Review review,
        boolean hidden) {

    /** Where screening left a moment: never held, held for a moderator, or released by one. */
    public enum Review { NONE, HELD, RELEASED }

    public Moment {
        images = Map.copyOf(images);
        reactionCounts = reactionCounts == null ? Map.of() : Map.copyOf(reactionCounts);
        review = review == null ? Review.NONE : review;
    }

    /** A moment moderation has not hidden. */
    public Moment(String momentId, String authorId, String caption, Audience audience, String campusId,
                  MomentStatus status, String rejectReason, Instant createdAt, Instant publishedAt,
                  Integer lateMinutes, Map<ImageRole, MomentImage> images, Map<String, Integer> reactionCounts,
                  int commentCount, Review review) {
        this(momentId, authorId, caption, audience, campusId, status, rejectReason, createdAt, publishedAt,
                lateMinutes, images, reactionCounts, commentCount, review, false);
    }

    /** A moment screening did not hold. */
    public Moment(String momentId, String authorId, String caption, Audience audience, String campusId,
                  MomentStatus status, String rejectReason, Instant createdAt, Instant publishedAt,
                  Integer lateMinutes, Map<ImageRole, MomentImage> images, Map<String, Integer> reactionCounts,
                  int commentCount) {
        this(momentId, authorId, caption, audience, campusId, status, rejectReason, createdAt, publishedAt,
                lateMinutes, images, reactionCounts, commentCount, Review.NONE);
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
                publishedAt, minutes, images, reactionCounts, commentCount, review, hidden);
    }

    /** Held for review: it stays pending and cannot be published until a moderator releases it. */
    public boolean held() {
        return review == Review.HELD;
    }

    public boolean isPublished() {
        return status == MomentStatus.PUBLISHED;
    }
}
