package app.realmoments.moment;

import java.time.Clock;

/**
 * Moments screening held, as a moderator decides them: needs only the moment store and the clock, so the
 * moderation function can release one without the upload pipeline's parts.
 */
public final class HeldMoments {

    private final MomentStore moments;
    private final Clock clock;

    public HeldMoments(MomentStore moments, Clock clock) {
        this.moments = moments;
        this.clock = clock;
    }

    /**
     * A moderator dismissed the hold: the moment is published exactly as an unflagged one is (its fan-out
     * runs from the table's stream), or, if an image is still missing, when that image lands. Calling it
     * again, or for a moment already published, changes nothing.
     */
    public MomentPublisher.Result release(String momentId) {
        Moment moment = moments.find(momentId).orElse(null);
        if (moment == null) {
            return new MomentPublisher.Result(MomentPublisher.Outcome.IGNORED, momentId, "no such moment");
        }
        if (moment.status() != MomentStatus.PENDING) {
            return new MomentPublisher.Result(MomentPublisher.Outcome.DUPLICATE, momentId,
                    "already " + moment.status().wire());
        }
        moments.release(momentId);
        boolean published = moments.publishIfComplete(momentId, clock.instant());
        return published ? new MomentPublisher.Result(MomentPublisher.Outcome.PUBLISHED, momentId, "released")
                : new MomentPublisher.Result(MomentPublisher.Outcome.RELEASED, momentId, "released; waiting for its images");
    }
}
