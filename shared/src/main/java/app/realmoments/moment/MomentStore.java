package app.realmoments.moment;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface MomentStore {

    /** Writes a new pending moment that disappears at {@code expiresAt} unless it is published first. */
    void create(Moment moment, Instant expiresAt);

    Optional<Moment> find(String momentId);

    /** The moments of these ids that exist (one batch read, not one per id). */
    Map<String, Moment> findAll(Collection<String> momentIds);

    enum ImageMark { MARKED, ALREADY_READY, NOT_PENDING }

    /** Marks one declared image ready, once: a duplicate event gets ALREADY_READY. */
    ImageMark markImageReady(String momentId, ImageRole role, int width, int height);

    /** Publishes a pending moment whose images are all ready; true for the one call that did it. */
    boolean publishIfComplete(String momentId, Instant at);

    /** Rejects a pending moment; true for the one call that did it. */
    boolean reject(String momentId, String reason);

    void delete(String momentId);
}
