package app.realmoments.feed;

import app.realmoments.interact.InteractionCleanup;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import app.realmoments.social.SocialGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fan-out on write: a published moment becomes one small feed entry for its author and for each
 * accepted friend (minus blocks), friend page by friend page, and a {@code new_moment} job per friend;
 * a campus moment also lands in its campus's feed. A deleted moment leaves every feed, and what others
 * wrote on it (reactions, comments) goes with it. A friendship made later brings no back-fill: the
 * new friend sees moments published from then on (older ones stay reachable in memories).
 * Keys are deterministic, so a redelivered stream record rewrites the same entries.
 */
public final class MomentFanout {

    /** What a change of a moment meant for the feeds. */
    public enum Change {
        /** It became published: it is in its recipients' feeds now. */
        FANNED_OUT,
        /** A published moment is gone: so are its feed entries, reactions and comments. */
        REMOVED,
        /** Nothing for the feeds: a pending moment, a rejection, a count that moved. */
        IGNORED
    }

    /** {@code recipients}: how many users' feeds a fanned-out moment landed in (0 otherwise). */
    public record Outcome(Change change, int recipients) {
    }

    private final FeedStore feeds;
    private final SocialGraph graph;
    private final NotificationQueue notifications;
    private final InteractionCleanup interactions;

    public MomentFanout(FeedStore feeds, SocialGraph graph, NotificationQueue notifications,
                        InteractionCleanup interactions) {
        this.feeds = feeds;
        this.graph = graph;
        this.notifications = notifications;
        this.interactions = interactions;
    }

    /**
     * What the change of a moment's item from {@code before} to {@code after} (either null: created,
     * deleted) means: one that became published fans out, a published one that was deleted is removed.
     */
    public Outcome changed(Moment before, Moment after) {
        if (after != null && after.isPublished() && (before == null || !before.isPublished())) {
            return new Outcome(Change.FANNED_OUT, published(after));
        }
        if (after == null && before != null && before.isPublished()) {
            removed(before.momentId());
            return new Outcome(Change.REMOVED, 0);
        }
        return new Outcome(Change.IGNORED, 0);
    }

    /**
     * Returns how many users' feeds the moment landed in. The author's entry rides in the first
     * friend page's batches, so N friends cost ceil((N+1)/25) BatchWriteItem calls when friend pages
     * are multiples of 25; a campus moment adds one write to its campus feed.
     */
    public int published(Moment moment) {
        String author = moment.authorId();
        if (moment.audience() == Audience.CAMPUS && moment.campusId() != null) {
            feeds.putCampus(moment.campusId(), entry(moment.campusId(), moment));
        }
        Set<String> blocked = graph.blockedEitherWay(author);
        int[] recipients = {0};
        boolean[] authorWritten = {false};
        graph.forEachFriendPage(author, friends -> {
            List<FeedEntry> entries = new ArrayList<>(friends.size() + 1);
            if (!authorWritten[0]) {
                entries.add(entry(author, moment));
                authorWritten[0] = true;
            }
            List<NotificationJob> jobs = new ArrayList<>(friends.size());
            for (String friend : friends) {
                if (!blocked.contains(friend) && !friend.equals(author)) {
                    entries.add(entry(friend, moment));
                    jobs.add(NotificationJob.of(NotificationType.NEW_MOMENT, friend, author, moment.momentId(), null,
                            moment.publishedAt()));
                }
            }
            feeds.putAll(entries);
            notifications.send(jobs);
            recipients[0] += entries.size();
        });
        if (!authorWritten[0]) {
            feeds.putAll(List.of(entry(author, moment)));
            recipients[0]++;
        }
        return recipients[0];
    }

    /** A deleted moment leaves every feed; others' reactions and comments on it are deleted too. */
    public void removed(String momentId) {
        feeds.removeMoment(momentId);
        interactions.removeAll(momentId);
    }

    private static FeedEntry entry(String recipient, Moment moment) {
        return new FeedEntry(recipient, moment.momentId(), moment.authorId(), moment.createdAt());
    }
}
