package app.realmoments.notify;

import app.realmoments.id.Ids;
import app.realmoments.social.SocialGraph;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Delivers one job: never across a block, one inbox item per notification id however often the job
 * arrives. Mobile push comes with the notifications issue.
 */
public final class NotificationDispatch {

    public enum Outcome { DELIVERED, DUPLICATE, SUPPRESSED }

    private final Inbox inbox;
    private final SocialGraph graph;

    public NotificationDispatch(Inbox inbox, SocialGraph graph) {
        this.inbox = inbox;
        this.graph = graph;
    }

    /** @throws IllegalArgumentException for a job that can never be delivered (a poison message) */
    public Outcome dispatch(NotificationJob job) {
        validate(job);
        if (job.actorId() != null && !job.actorId().equals(job.recipientId())
                && graph.blockedEitherWay(job.actorId(), job.recipientId())) {
            return Outcome.SUPPRESSED;
        }
        boolean added = inbox.add(new InboxItem(job.recipientId(), job.notificationId(), job.type(), job.actorId(),
                job.momentId(), job.reason(), Instant.parse(job.createdAt())));
        return added ? Outcome.DELIVERED : Outcome.DUPLICATE;
    }

    private static void validate(NotificationJob job) {
        if (job == null || job.type() == null || job.recipientId() == null || job.recipientId().isBlank()
                || !Ids.isWellFormed(job.notificationId()) || job.createdAt() == null) {
            throw new IllegalArgumentException("incomplete notification job");
        }
        try {
            Instant.parse(job.createdAt());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("notification job has a bad createdAt");
        }
    }
}
