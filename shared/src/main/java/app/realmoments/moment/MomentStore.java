package app.realmoments.moment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface MomentStore {

    /** Writes a new pending moment that disappears at {@code expiresAt} unless it is published first. */
    default void create(Moment moment, Instant expiresAt) {
        create(moment, expiresAt, null);
    }

    /**
     * The same, and with {@code once} (the client's Idempotency-Key and what the request said) its marker in
     * the same write: false, writing nothing, when the author already started a moment with that key. A
     * write that meets its own earlier try (an answer lost on the way, the SDK trying again) succeeds.
     */
    boolean create(Moment moment, Instant expiresAt, Once once);

    /** The moment an earlier request with this key started, with what that request said. */
    Optional<Earlier> earlier(String authorId, String idempotencyKey);

    /** An Idempotency-Key and a fingerprint of the request that used it. */
    record Once(String key, String fingerprint) {
    }

    record Earlier(String momentId, String fingerprint) {
    }

    Optional<Moment> find(String momentId);

    /** The moments of these ids that exist (one batch read, not one per id). */
    Map<String, Moment> findAll(Collection<String> momentIds);

    enum ImageMark { MARKED, ALREADY_READY, NOT_PENDING }

    /** Marks one declared image ready, once: a duplicate event gets ALREADY_READY. */
    ImageMark markImageReady(String momentId, ImageRole role, int width, int height);

    /** Publishes a pending moment whose images are all ready and that is not held; true for the one call that did it. */
    boolean publishIfComplete(String momentId, Instant at);

    /**
     * Holds a pending moment for review: it cannot be published until {@link #release}d, and it no longer
     * expires as an abandoned upload would. True for the one call that held it; false when it was already
     * held or is no longer pending.
     */
    boolean hold(String momentId);

    /**
     * Lifts a pending moment's hold (a moderator dismissed it); true for the one call that did it. A released
     * moment can be held again only for an image that lands after the release.
     */
    boolean release(String momentId);

    /** Rejects a pending moment; true for the one call that did it. */
    boolean reject(String momentId, String reason);

    void delete(String momentId);

    /** Which of an author's moments a reader of their memories may get. */
    sealed interface AuthorFilter {
        /** The author reading their own history: every status. */
        record Everything() implements AuthorFilter {
        }

        /** A friend: every published moment. */
        record Published() implements AuthorFilter {
        }

        /** A member of the author's campus who is not a friend: published campus moments of that campus. */
        record PublishedToCampus(String campusId) implements AuthorFilter {
        }
    }

    /**
     * True when the author started a moment at or after {@code since} that was published: one started and
     * never uploaded (or still processing, or rejected) is not a post, so it unlocks no feed. This default
     * walks the author's history newest first; the Dynamo store asks the index for that id range only.
     */
    default boolean postedSince(String authorId, java.time.Instant since) {
        Map<String, String> position = null;
        do {
            Slice slice = byAuthor(authorId, new AuthorFilter.Everything(), 20, position);
            for (Moment moment : slice.moments()) {
                if (moment.createdAt().isBefore(since)) {
                    return false;
                }
                if (moment.status() == MomentStatus.PUBLISHED) {
                    return true;
                }
            }
            position = slice.next();
        } while (position != null);
        return false;
    }

    /**
     * How many of the author's moments started at or after {@code since} are still pending (waiting for
     * their photos). This default walks the author's history; the Dynamo store counts in the index.
     */
    default int pendingSince(String authorId, java.time.Instant since) {
        int pending = 0;
        Map<String, String> position = null;
        do {
            Slice slice = byAuthor(authorId, new AuthorFilter.Everything(), 20, position);
            for (Moment moment : slice.moments()) {
                if (moment.createdAt().isBefore(since)) {
                    return pending;
                }
                pending += moment.status() == MomentStatus.PENDING ? 1 : 0;
            }
            position = slice.next();
        } while (position != null);
        return pending;
    }

    /** The author's moments newest first (the ByAuthor index), after {@code position} (null first). */
    Slice byAuthor(String authorId, AuthorFilter filter, int limit, Map<String, String> position);

    record Slice(List<Moment> moments, Map<String, String> next) {

        public Slice {
            moments = List.copyOf(moments);
        }
    }
}
