package app.realmoments.feed;

import app.realmoments.moment.Moment;
import app.realmoments.notify.NotificationJob;
import app.realmoments.notify.NotificationQueue;
import app.realmoments.notify.NotificationType;
import app.realmoments.social.SocialGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fan-out on write: a published moment becomes one small feed entry for its author and for each
 * accepted friend (minus blocks), friend page by friend page, and a {@code new_moment} job per friend.
 * Keys are deterministic, so a redelivered stream record rewrites the same entries.
 */
public final class MomentFanout {

    private final FeedStore feeds;
    private final SocialGraph graph;
    private final NotificationQueue notifications;

    public MomentFanout(FeedStore feeds, SocialGraph graph, NotificationQueue notifications) {
        this.feeds = feeds;
        this.graph = graph;
        this.notifications = notifications;
    }

    /** Returns how many feeds the moment landed in. */
    public int published(Moment moment) {
        String author = moment.authorId();
        feeds.putAll(List.of(entry(author, moment)));
        Set<String> blocked = graph.blockedEitherWay(author);
        int[] recipients = {1};
        graph.forEachFriendPage(author, friends -> {
            List<FeedEntry> entries = new ArrayList<>(friends.size());
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
        return recipients[0];
    }

    /** A deleted moment leaves every feed. */
    public void removed(String momentId) {
        feeds.removeMoment(momentId);
    }

    private static FeedEntry entry(String recipient, Moment moment) {
        return new FeedEntry(recipient, moment.momentId(), moment.authorId(), moment.createdAt());
    }
}
