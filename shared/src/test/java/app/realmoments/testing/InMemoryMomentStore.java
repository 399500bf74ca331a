package app.realmoments.testing;

import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentStore;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The moment store's rules (conditional transitions) in memory, for fast tests. */
public class InMemoryMomentStore implements MomentStore {

    public final Map<String, Moment> moments = new ConcurrentHashMap<>();
    public final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public final Map<String, Earlier> keys = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean create(Moment moment, Instant expiresAt, Once once) {
        if (once != null && keys.containsKey(moment.authorId() + "/" + once.key())) {
            return false;
        }
        if (moments.putIfAbsent(moment.momentId(), moment) != null) {
            throw new IllegalStateException("exists");
        }
        expiries.put(moment.momentId(), expiresAt);
        if (once != null) {
            keys.put(moment.authorId() + "/" + once.key(), new Earlier(moment.momentId(), once.fingerprint()));
        }
        return true;
    }

    @Override
    public Optional<Earlier> earlier(String authorId, String idempotencyKey) {
        return Optional.ofNullable(keys.get(authorId + "/" + idempotencyKey));
    }

    @Override
    public Optional<Moment> find(String momentId) {
        return Optional.ofNullable(moments.get(momentId));
    }

    @Override
    public Map<String, Moment> findAll(Collection<String> momentIds) {
        Map<String, Moment> found = new HashMap<>();
        momentIds.forEach(id -> find(id).ifPresent(m -> found.put(id, m)));
        return found;
    }

    @Override
    public synchronized ImageMark markImageReady(String momentId, ImageRole role, int width, int height) {
        Moment moment = moments.get(momentId);
        if (moment == null || moment.images().get(role) == null) {
            return ImageMark.NOT_PENDING;
        }
        MomentImage image = moment.images().get(role);
        if (image.ready()) {
            return ImageMark.ALREADY_READY;
        }
        if (moment.status() != MomentStatus.PENDING) {
            return ImageMark.NOT_PENDING;
        }
        Map<ImageRole, MomentImage> images = new EnumMap<>(moment.images());
        images.put(role, new MomentImage(role, image.contentType(), image.contentLength(), true, width, height));
        moments.put(momentId, with(moment, moment.status(), null, null, images));
        return ImageMark.MARKED;
    }

    @Override
    public synchronized boolean publishIfComplete(String momentId, Instant at) {
        Moment moment = moments.get(momentId);
        if (moment == null || moment.status() != MomentStatus.PENDING || moment.held()
                || !moment.images().values().stream().allMatch(MomentImage::ready)) {
            return false;
        }
        moments.put(momentId, with(moment, MomentStatus.PUBLISHED, null, at, moment.images()));
        expiries.remove(momentId);
        return true;
    }

    @Override
    public synchronized boolean hold(String momentId) {
        Moment moment = moments.get(momentId);
        if (moment == null || moment.status() != MomentStatus.PENDING || moment.held()) {
            return false;
        }
        moments.put(momentId, held(moment, Moment.Review.HELD));
        expiries.remove(momentId);
        return true;
    }

    @Override
    public synchronized boolean release(String momentId) {
        Moment moment = moments.get(momentId);
        if (moment == null || moment.status() != MomentStatus.PENDING || !moment.held()) {
            return false;
        }
        moments.put(momentId, held(moment, Moment.Review.RELEASED));
        return true;
    }

    private static Moment held(Moment m, Moment.Review held) {
        return new Moment(m.momentId(), m.authorId(), m.caption(), m.audience(), m.campusId(), m.status(),
                m.rejectReason(), m.createdAt(), m.publishedAt(), m.lateMinutes(), m.images(), m.reactionCounts(),
                m.commentCount(), held, m.hidden());
    }

    @Override
    public synchronized boolean reject(String momentId, String reason) {
        Moment moment = moments.get(momentId);
        if (moment == null || moment.status() != MomentStatus.PENDING) {
            return false;
        }
        moments.put(momentId, with(moment, MomentStatus.REJECTED, reason, null, moment.images()));
        return true;
    }

    @Override
    public void delete(String momentId) {
        moments.remove(momentId);
    }

    @Override
    public Slice byAuthor(String authorId, AuthorFilter filter, int limit, Map<String, String> position) {
        String after = position == null ? null : position.get("after");
        java.util.List<Moment> all = moments.values().stream().filter(m -> m.authorId().equals(authorId))
                .sorted(java.util.Comparator.comparing(Moment::momentId).reversed())
                .filter(m -> after == null || m.momentId().compareTo(after) < 0).toList();
        java.util.List<Moment> window = all.subList(0, Math.min(limit, all.size()));
        java.util.List<Moment> kept = window.stream().filter(m -> switch (filter) {
            case AuthorFilter.Everything e -> true;
            case AuthorFilter.Published p -> m.isPublished();
            case AuthorFilter.PublishedToCampus c -> m.isPublished()
                    && m.audience() == app.realmoments.moment.Audience.CAMPUS && c.campusId().equals(m.campusId());
        }).toList();
        Map<String, String> next = all.size() > limit ? Map.of("after", window.getLast().momentId()) : null;
        return new Slice(kept, next);
    }

    public Moment get(String momentId) {
        return moments.get(momentId);
    }

    private static Moment with(Moment m, MomentStatus status, String reason, Instant publishedAt,
                               Map<ImageRole, MomentImage> images) {
        return new Moment(m.momentId(), m.authorId(), m.caption(), m.audience(), m.campusId(), status, reason,
                m.createdAt(), publishedAt, m.lateMinutes(), images, m.reactionCounts(), m.commentCount(), m.review(),
                m.hidden());
    }
}
