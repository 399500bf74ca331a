package app.realmoments.interact;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStore;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.quota.Quotas;
import app.realmoments.retry.Backoff;
import app.realmoments.screening.Screening;
import app.realmoments.screening.TextFilter;
import app.realmoments.social.SocialGraph;
import app.realmoments.text.TypedText;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reactions and comments: {@code PUT|DELETE /moments/{id}/reaction}, {@code POST|GET /moments/{id}/comments},
 * {@code DELETE /moments/{id}/comments/{commentId}}. Every call first asks the visibility rule, so a
 * moment the caller may not see answers exactly like a missing one (404). The moment's author hears of
 * others' reactions and comments from the interactions table's stream ({@code activity.ActivityRules}),
 * so a notification follows every change that committed, whatever became of the request.
 */
public final class InteractionService {

    /** api.md: a comment is 1 to 1000 characters (code points) after trimming. */
    public static final int MAX_COMMENT_LENGTH = 1000;
    /** Times a change is decided again when a concurrent change of the same reaction got there first. */
    static final int ATTEMPTS = 5;
    /** Comment pages read at most per request, so a thread of hidden comments cannot keep it busy. */
    static final int MAX_SLICES = 5;

    private final MomentStore moments;
    private final ProfileStore profiles;
    private final MomentVisibility visibility;
    private final SocialGraph graph;
    private final InteractionStore store;
    private final Cursors cursors;
    private final Ids ids;
    private final Clock clock;

    private final Quotas quotas;
    private final TextFilter words;
    private final HeldForReview review;

    public InteractionService(MomentStore moments, ProfileStore profiles, MomentVisibility visibility, SocialGraph graph,
                              InteractionStore store, Cursors cursors, Ids ids, Clock clock, Quotas quotas) {
        this(moments, profiles, visibility, graph, store, cursors, ids, clock, quotas, TextFilter.NONE, HeldForReview.NONE);
    }

    /**
     * @param words   the stage's word list: a comment using a listed term is stored hidden (its author alone sees it)
     * @param review  where such a comment is sent for a moderator
     */
    public InteractionService(MomentStore moments, ProfileStore profiles, MomentVisibility visibility, SocialGraph graph,
                              InteractionStore store, Cursors cursors, Ids ids, Clock clock, Quotas quotas,
                              TextFilter words, HeldForReview review) {
        this.words = words;
        this.review = review;
        this.quotas = quotas;
        this.moments = moments;
        this.profiles = profiles;
        this.visibility = visibility;
        this.graph = graph;
        this.store = store;
        this.cursors = cursors;
        this.ids = ids;
        this.clock = clock;
    }

    public record NewReaction(String emoji) {
    }

    public record NewComment(String text) {
    }

    /** {@code review: "held"} (absent otherwise) on a comment the word list held: only its author gets it. */
    public record CommentView(String commentId, MomentView.Author author, String text, String createdAt, String review) {
    }

    /** Sets the caller's one reaction (replacing another); answers the moment's reactions afterwards. */
    public MomentView.Reactions react(String callerId, String momentId, NewReaction request) {
        String emoji = request == null ? null : request.emoji();
        if (!Emoji.isSingleEmoji(emoji)) {
            throw Problem.invalid("emoji", "emoji must be exactly one emoji");
        }
        interactable(callerId, momentId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.STANDARD.pause(attempt); // someone changed it meanwhile: decide again, after a moment
            }
            Reaction current = store.reaction(momentId, callerId).orElse(null);
            if (current != null && current.emoji().equals(emoji)) {
                return reactions(momentId, emoji); // the same reaction again (a retried request): done already
            }
            if (attempt == 0) {
                quotas.take(callerId, Quotas.Rate.REACTIONS);
            }
            Reaction next = new Reaction(momentId, callerId, emoji, clock.instant());
            switch (store.react(next, current == null ? null : current.emoji())) {
                case DONE -> {
                    return reactions(momentId, emoji);
                }
                case MOMENT_GONE -> throw Problem.notFound("moment");
                case RACED -> {
                    // someone (the same user on another device) changed it first: decide again
                }
            }
        }
        throw Problem.conflict("conflict", "the reaction changed at the same time; try again", null);
    }

    /** Removes the caller's reaction; removing none is done already (idempotent). */
    public void unreact(String callerId, String momentId) {
        interactable(callerId, momentId);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.STANDARD.pause(attempt); // someone changed it meanwhile: decide again, after a moment
            }
            Reaction current = store.reaction(momentId, callerId).orElse(null);
            if (current == null) {
                return;
            }
            switch (store.unreact(momentId, callerId, current.emoji())) {
                case DONE -> {
                    return;
                }
                case MOMENT_GONE -> throw Problem.notFound("moment");
                case RACED -> {
                    // changed meanwhile: read again
                }
            }
        }
        throw Problem.conflict("conflict", "the reaction changed at the same time; try again", null);
    }

    public CommentView comment(String callerId, String momentId, NewComment request) {
        return comment(callerId, momentId, request, null);
    }

    /**
     * Adds the caller's comment. With an idempotency key (the client's Idempotency-Key header), a
     * retry of the same request answers the comment the first one made instead of making a second:
     * the key is the caller's, per moment; reused for another text it is a 409.
     */
    public CommentView comment(String callerId, String momentId, NewComment request, String idempotencyKey) {
        String text = TypedText.required("text", request == null ? null : request.text(), MAX_COMMENT_LENGTH,
                TypedText.Lines.MANY);
        interactable(callerId, momentId);
        if (idempotencyKey != null) {
            Optional<CommentView> earlier = earlier(callerId, momentId, idempotencyKey, text);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        quotas.take(callerId, Quotas.Rate.COMMENTS);
        Instant now = clock.instant();
        boolean flagged = words.flags(text);
        Comment comment = new Comment(ids.next(now), momentId, callerId, text, now, flagged);
        if (flagged) {
            // queued before it is stored: a hold whose comment was never written is an empty entry a moderator
            // closes, a stored hidden comment nobody was told about would never be reviewed
            review.hold(new HeldForReview.Held("comment", comment.commentId(), momentId, callerId, Screening.WORD_LIST));
        }
        InteractionStore.Outcome outcome = store.addComment(comment, idempotencyKey);
        if (outcome == InteractionStore.Outcome.DUPLICATE) {
            // the same request, retried while the first was still running: answer what the first made
            return earlier(callerId, momentId, idempotencyKey, text).orElseThrow();
        }
        if (outcome != InteractionStore.Outcome.DONE) {
            throw Problem.notFound("moment");
        }
        return view(comment, profiles.find(callerId).orElse(null));
    }

    /** The comment an earlier request with this key made, if there was one. */
    private Optional<CommentView> earlier(String callerId, String momentId, String idempotencyKey, String text) {
        Optional<String> commentId = store.commentIdForKey(momentId, callerId, idempotencyKey);
        if (commentId.isEmpty()) {
            return Optional.empty();
        }
        Comment made = store.comment(momentId, commentId.get()).orElseThrow(() -> Problem.conflict("idempotency_conflict",
                "the comment made with this Idempotency-Key was deleted", "Idempotency-Key"));
        if (!made.text().equals(text)) {
            throw Problem.conflict("idempotency_conflict", "this Idempotency-Key was used for another comment",
                    "Idempotency-Key");
        }
        return Optional.of(view(made, profiles.find(callerId).orElse(null)));
    }

    /**
     * Oldest first; what the one rule hides from the caller is left out: comments by users blocked either
     * way, comments (or authors) the caller reported, comments or authors moderation hid.
     */
    public Page<CommentView> comments(String callerId, String momentId, int limit, String cursor) {
        interactable(callerId, momentId);
        String scope = "comments:" + momentId + ":" + callerId;
        Map<String, String> position = cursors.decode(scope, cursor);
        List<CommentView> items = new ArrayList<>();
        for (int slice = 0; slice < MAX_SLICES && items.size() < limit; slice++) {
            InteractionStore.Slice page = store.comments(momentId, limit - items.size(), position);
            if (!page.comments().isEmpty()) {
                Set<String> authors = new HashSet<>();
                page.comments().forEach(c -> authors.add(c.authorId()));
                authors.remove(callerId);
                List<String> refs = page.comments().stream().filter(c -> !c.authorId().equals(callerId))
                        .map(c -> SocialGraph.ref("comment", c.commentId())).toList();
                SocialGraph.Standing standing = authors.isEmpty() ? new SocialGraph.Standing(Set.of(), Set.of())
                        : graph.standingWith(callerId, authors, refs);
                Set<String> people = new HashSet<>(authors);
                people.add(callerId);
                Map<String, Profile> cards = profiles.findAll(people);
                for (Comment comment : page.comments()) {
                    if (MomentVisibility.shown(callerId, comment.authorId(), "comment", comment.commentId(),
                            comment.hidden(), standing, cards.get(comment.authorId()))) {
                        items.add(view(comment, cards.get(comment.authorId())));
                    }
                }
            }
            position = page.next();
            if (position == null) {
                break;
            }
        }
        return new Page<>(items, cursors.encode(scope, position));
    }

    /** By the comment's author or the moment's author; for anyone else the comment does not exist. */
    public void deleteComment(String callerId, String momentId, String commentId) {
        Moment moment = interactable(callerId, momentId);
        Comment comment = Ids.isWellFormed(commentId) ? store.comment(momentId, commentId).orElse(null) : null;
        if (comment == null || !comment.visibleTo(callerId)
                || !(comment.authorId().equals(callerId) || moment.authorId().equals(callerId))) {
            throw Problem.notFound("comment");
        }
        switch (store.deleteComment(momentId, commentId)) {
            case DONE -> {
            }
            case RACED -> throw Problem.notFound("comment");
            case MOMENT_GONE -> throw Problem.notFound("moment");
        }
    }

    /** The moment, if the caller may see it and it is published (a pending moment has no audience yet). */
    private Moment interactable(String callerId, String momentId) {
        if (!Ids.isWellFormed(momentId)) {
            throw Problem.notFound("moment");
        }
        Moment moment = moments.find(momentId).orElseThrow(() -> Problem.notFound("moment"));
        Profile viewer = moment.authorId().equals(callerId) ? null : profiles.find(callerId).orElse(null);
        if (!visibility.canSee(callerId, viewer, moment)) {
            throw Problem.notFound("moment");
        }
        if (!moment.isPublished()) {
            throw Problem.conflict("moment_not_published", "reactions and comments open when the moment is published", null);
        }
        return moment;
    }

    private MomentView.Reactions reactions(String momentId, String mine) {
        Map<String, Integer> counts = moments.find(momentId).map(Moment::reactionCounts).orElse(Map.of());
        return new MomentView.Reactions(new TreeMap<>(counts), mine);
    }

    private static CommentView view(Comment comment, Profile author) {
        MomentView.Author card = author == null
                ? new MomentView.Author(comment.authorId(), null, null)
                : new MomentView.Author(author.userId(), author.handle(), author.displayName());
        return new CommentView(comment.commentId(), card, comment.text(), Times.iso(comment.createdAt()),
                comment.hidden() ? MomentView.HELD : null);
    }
}
