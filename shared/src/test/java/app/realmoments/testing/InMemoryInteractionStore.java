package app.realmoments.testing;

import app.realmoments.activity.Change;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionCleanup;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.Moment;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Reactions and comments in memory, with the counts kept on the moments of an {@link InMemoryMomentStore}. */
public final class InMemoryInteractionStore implements InteractionStore, InteractionCleanup {

    private final InMemoryMomentStore moments;
    private final Map<String, Reaction> reactions = new HashMap<>();
    private final Map<String, TreeMap<String, Comment>> comments = new HashMap<>();
    private final Map<String, String> keys = new HashMap<>();
    /** Runs once just before the next conditional change, as if another request got there first. */
    public Runnable beforeNextChange;
    /** What the interactions table's stream would report of each committed change. */
    public Consumer<Change> onChange = change -> { };

    public InMemoryInteractionStore(InMemoryMomentStore moments) {
        this.moments = moments;
    }

    @Override
    public synchronized Optional<Reaction> reaction(String momentId, String userId) {
        return Optional.ofNullable(reactions.get(momentId + "/" + userId));
    }

    @Override
    public synchronized Map<String, String> of(String userId, Collection<String> momentIds) {
        Map<String, String> mine = new HashMap<>();
        momentIds.forEach(id -> reaction(id, userId).ifPresent(r -> mine.put(id, r.emoji())));
        return mine;
    }

    @Override
    public synchronized Outcome react(Reaction reaction, String previousEmoji) {
        interleave();
        Moment moment = moments.get(reaction.momentId());
        if (moment == null || !moment.isPublished()) {
            return Outcome.MOMENT_GONE;
        }
        Reaction current = reactions.get(reaction.momentId() + "/" + reaction.userId());
        if (!same(current, previousEmoji)) {
            return Outcome.RACED;
        }
        Map<String, Integer> counts = new HashMap<>(moment.reactionCounts());
        counts.merge(reaction.emoji(), 1, Integer::sum);
        if (previousEmoji != null) {
            counts.merge(previousEmoji, -1, Integer::sum);
        }
        reactions.put(reaction.momentId() + "/" + reaction.userId(), reaction);
        save(moment, counts, moment.commentCount());
        onChange.accept(new Change.Reacted(reaction.momentId(), reaction.userId(), reaction.emoji(), reaction.reactedAt()));
        return Outcome.DONE;
    }

    @Override
    public synchronized Outcome unreact(String momentId, String userId, String previousEmoji) {
        interleave();
        Moment moment = moments.get(momentId);
        if (moment == null || !moment.isPublished()) {
            return Outcome.MOMENT_GONE;
        }
        Reaction current = reactions.get(momentId + "/" + userId);
        if (current == null || !same(current, previousEmoji)) {
            return Outcome.RACED;
        }
        Map<String, Integer> counts = new HashMap<>(moment.reactionCounts());
        counts.merge(previousEmoji, -1, Integer::sum);
        reactions.remove(momentId + "/" + userId);
        save(moment, counts, moment.commentCount());
        return Outcome.DONE;
    }

    @Override
    public synchronized Outcome addComment(Comment comment, String idempotencyKey) {
        interleave();
        Moment moment = moments.get(comment.momentId());
        if (moment == null || !moment.isPublished()) {
            return Outcome.MOMENT_GONE;
        }
        if (idempotencyKey != null
                && keys.putIfAbsent(marker(comment.momentId(), comment.authorId(), idempotencyKey), comment.commentId()) != null) {
            return Outcome.DUPLICATE;
        }
        comments.computeIfAbsent(comment.momentId(), k -> new TreeMap<>()).put(comment.commentId(), comment);
        save(moment, moment.reactionCounts(), moment.commentCount() + 1);
        if (!comment.hidden()) {
            onChange.accept(new Change.Commented(comment.momentId(), comment.commentId(), comment.authorId(), comment.createdAt()));
        }
        return Outcome.DONE;
    }

    /** Moderation's flag on a stored comment (report/ContentFlags); nothing when it is gone. */
    public synchronized void setHidden(String momentId, String commentId, boolean hidden) {
        Comment c = comments.getOrDefault(momentId, new TreeMap<>()).get(commentId);
        if (c != null) {
            comments.get(momentId).put(commentId,
                    new Comment(c.commentId(), c.momentId(), c.authorId(), c.text(), c.createdAt(), hidden));
        }
    }

    @Override
    public synchronized Optional<Comment> comment(String momentId, String commentId) {
        return Optional.ofNullable(comments.getOrDefault(momentId, new TreeMap<>()).get(commentId));
    }

    @Override
    public synchronized boolean show(String momentId, String commentId) {
        Comment comment = comments.getOrDefault(momentId, new TreeMap<>()).get(commentId);
        if (comment == null || !comment.hidden()) {
            return false;
        }
        comments.get(momentId).put(commentId, new Comment(comment.commentId(), comment.momentId(), comment.authorId(),
                comment.text(), comment.createdAt()));
        return true;
    }

    @Override
    public synchronized Outcome deleteComment(String momentId, String commentId) {
        Moment moment = moments.get(momentId);
        if (moment == null || !moment.isPublished()) {
            return Outcome.MOMENT_GONE;
        }
        if (comments.getOrDefault(momentId, new TreeMap<>()).remove(commentId) == null) {
            return Outcome.RACED;
        }
        save(moment, moment.reactionCounts(), moment.commentCount() - 1);
        return Outcome.DONE;
    }

    @Override
    public synchronized Slice comments(String momentId, int limit, Map<String, String> position) {
        String after = position == null ? null : position.get("after");
        List<Comment> all = comments.getOrDefault(momentId, new TreeMap<>()).values().stream()
                .filter(c -> after == null || c.commentId().compareTo(after) > 0).toList();
        List<Comment> page = all.subList(0, Math.min(limit, all.size()));
        return new Slice(page, all.size() > limit ? Map.of("after", page.getLast().commentId()) : null);
    }

    private void save(Moment m, Map<String, Integer> counts, int commentCount) {
        Map<String, Integer> kept = new HashMap<>();
        counts.forEach((emoji, n) -> {
            if (n > 0) {
                kept.put(emoji, n);
            }
        });
        moments.moments.put(m.momentId(), new Moment(m.momentId(), m.authorId(), m.caption(), m.audience(),
                m.campusId(), m.status(), m.rejectReason(), m.createdAt(), m.publishedAt(), m.lateMinutes(), m.images(),
                kept, commentCount, m.review(), m.hidden()));
    }

    private static boolean same(Reaction current, String previousEmoji) {
        return current == null ? previousEmoji == null : current.emoji().equals(previousEmoji);
    }

    private void interleave() {
        Runnable change = beforeNextChange;
        beforeNextChange = null;
        if (change != null) {
            change.run();
        }
    }

    @Override
    public synchronized Optional<String> commentIdForKey(String momentId, String authorId, String idempotencyKey) {
        return Optional.ofNullable(keys.get(marker(momentId, authorId, idempotencyKey)));
    }

    private static String marker(String momentId, String authorId, String idempotencyKey) {
        return momentId + "/" + authorId + "/" + idempotencyKey;
    }

    @Override
    public synchronized void removeAll(String momentId) {
        keys.keySet().removeIf(marker -> marker.startsWith(momentId + "/"));
        reactions.values().removeIf(reaction -> reaction.momentId().equals(momentId));
        comments.remove(momentId);
    }

    public synchronized int itemsOf(String momentId) {
        return (int) reactions.values().stream().filter(r -> r.momentId().equals(momentId)).count()
                + comments.getOrDefault(momentId, new TreeMap<>()).size();
    }
}
