package app.realmoments.testing;

import app.realmoments.profile.Profile;
import app.realmoments.report.ContentFlags;
import app.realmoments.report.Target;
import app.realmoments.moment.Moment;
import java.util.HashSet;
import java.util.Set;

/** Moderation's flags written onto the in-memory moments, comments and profiles, as report/dynamo does. */
public final class InMemoryContentFlags implements ContentFlags {

    private final InMemoryMomentStore moments;
    private final InMemoryInteractionStore interactions;
    private final InMemoryProfileStore profiles;
    public final Set<String> suspended = new HashSet<>();

    public InMemoryContentFlags(InMemoryMomentStore moments, InMemoryInteractionStore interactions,
                                InMemoryProfileStore profiles) {
        this.moments = moments;
        this.interactions = interactions;
        this.profiles = profiles;
    }

    @Override
    public void hide(Target target) {
        set(target, true);
    }

    @Override
    public void show(Target target) {
        if (!(target.type() == app.realmoments.report.TargetType.USER && suspended.contains(target.id()))) {
            set(target, false);
        }
    }

    @Override
    public void suspend(String userId) {
        suspended.add(userId);
        set(Target.user(userId), true);
    }

    private void set(Target target, boolean hidden) {
        switch (target.type()) {
            case MOMENT -> moments.moments.computeIfPresent(target.id(), (id, m) -> new Moment(m.momentId(), m.authorId(),
                    m.caption(), m.audience(), m.campusId(), m.status(), m.rejectReason(), m.createdAt(), m.publishedAt(),
                    m.lateMinutes(), m.images(), m.reactionCounts(), m.commentCount(), m.review(), hidden));
            case COMMENT -> interactions.setHidden(target.momentId(), target.id(), hidden);
            case USER -> profiles.find(target.id()).ifPresent(p -> profiles.save(new Profile(p.userId(), p.handle(),
                    p.displayName(), p.campusId(), p.createdAt(), p.updatedAt(), p.campusVerifiedAt(), hidden), p.handle()));
        }
    }
}
