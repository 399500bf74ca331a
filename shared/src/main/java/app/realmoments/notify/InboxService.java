package app.realmoments.notify;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.social.SocialGraph;
import app.realmoments.time.Times;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code GET /notifications} and {@code POST /notifications/read}. */
public final class InboxService {

    /** Beyond this the badge just says "99+". */
    static final int UNREAD_CAP = 100;

    private final Inbox inbox;
    private final Cursors cursors;
    private final SocialGraph graph;

    public InboxService(Inbox inbox, Cursors cursors, SocialGraph graph) {
        this.inbox = inbox;
        this.cursors = cursors;
        this.graph = graph;
    }

    public record Item(String notificationId, NotificationType type, String actorId, String momentId,
                       String reason, String createdAt, boolean read) {
    }

    public record Listing(List<Item> items, String nextCursor, int unreadCount) {
    }

    public record MarkRead(String upTo) {
    }

    public Listing list(String userId, int limit, String cursor) {
        String scope = "notifications:" + userId;
        Inbox.Slice slice = inbox.page(userId, limit, cursors.decode(scope, cursor));
        String readUpTo = inbox.readUpTo(userId);
        // an item never names someone blocked either way: older ones than the block are left out too
        Set<String> actors = new HashSet<>();
        slice.items().forEach(i -> {
            if (i.actorId() != null && !i.actorId().equals(userId)) {
                actors.add(i.actorId());
            }
        });
        SocialGraph.Standing standing = actors.isEmpty() ? new SocialGraph.Standing(Set.of(), Set.of())
                : graph.standingWith(userId, actors);
        // ... nor someone the recipient reported (a one-way hide)
        List<Item> items = slice.items().stream().filter(i -> i.actorId() == null || !standing.hides(i.actorId()))
                .map(i -> new Item(i.notificationId(), i.type(), i.actorId(),
                i.momentId(), i.reason(), Times.iso(i.createdAt()),
                readUpTo != null && i.notificationId().compareTo(readUpTo) <= 0)).toList();
        return new Listing(items, cursors.encode(scope, slice.next()), inbox.unreadCount(userId, readUpTo, UNREAD_CAP));
    }

    public void markRead(String userId, MarkRead request) {
        if (request.upTo() == null || !Ids.isWellFormed(request.upTo())) {
            throw Problem.invalid("upTo", "upTo must be a notificationId");
        }
        inbox.markRead(userId, request.upTo());
    }
}
