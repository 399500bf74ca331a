package app.realmoments.activity;

import app.realmoments.feed.FeedStore;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStore;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import java.util.List;
import java.util.Optional;

/**
 * What each committed change leads to: a friend request notifies the one asked, an accepted request the
 * one who asked, a reaction or a comment the moment's author (never for their own, never for a moment
 * already gone); a friendship that ended takes each one's moments out of the other's feed. Safe to
 * repeat: a job's id comes from its cause, so a redelivered change writes one inbox item, and a feed
 * cleanup done twice removes nothing more. The dispatcher still drops any job across a block.
 */
public final class ActivityRules {

    private final NotificationQueue queue;
    private final FeedStore feeds;
    private final MomentStore moments;

    public ActivityRules(NotificationQueue queue, FeedStore feeds, MomentStore moments) {
        this.queue = queue;
        this.feeds = feeds;
        this.moments = moments;
    }

    /** Follows one change up; returns what it did, in a word, for the log. */
    public String followUp(Change change) {
        return switch (change) {
            case Change.FriendRequested r -> notify(NotificationJob.of(NotificationType.FRIEND_REQUEST, r.to(), r.from(),
                    null, null, r.at()), "friend_request");
            case Change.Befriended b -> b.acceptedBy() == null || b.acceptedBy().equals(b.userId()) ? "ignored"
                    : notify(NotificationJob.of(NotificationType.FRIEND_ACCEPTED, b.userId(), b.acceptedBy(), null, null,
                            b.since()), "friend_accepted");
            case Change.Parted p -> {
                feeds.removeAuthorFromFeed(p.userId(), p.formerFriendId());
                yield "feed_cleaned";
            }
            case Change.Reacted r -> toAuthor(NotificationType.REACTION, r.momentId(), r.userId(), r.at());
            case Change.Commented c -> toAuthor(NotificationType.COMMENT, c.momentId(), c.userId(), c.at());
        };
    }

    private String toAuthor(NotificationType type, String momentId, String actorId, java.time.Instant at) {
        Optional<Moment> moment = moments.find(momentId);
        if (moment.isEmpty() || moment.get().authorId().equals(actorId)) {
            return "ignored";
        }
        return notify(NotificationJob.of(type, moment.get().authorId(), actorId, momentId, null, at), type.wire());
    }

    private String notify(NotificationJob job, String what) {
        queue.send(List.of(job));
        return what;
    }
}
