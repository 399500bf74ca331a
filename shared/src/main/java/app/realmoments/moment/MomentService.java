package app.realmoments.moment;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.quota.Quotas;
import app.realmoments.time.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starting, reading and deleting moments: {@code POST /moments}, {@code GET|DELETE /moments/{id}}. */
public final class MomentService {

    /** How long an upload URL works; S3 refuses the PUT afterwards. */
    public static final Duration UPLOAD_TTL = Duration.ofMinutes(10);
    /** A moment still pending this long after it started is abandoned and expires by TTL. */
    public static final Duration PENDING_LIFETIME = UPLOAD_TTL.plus(Duration.ofHours(1));

    private final MomentStore moments;
    private final MediaStore media;
    private final ProfileStore profiles;
    private final MomentVisibility visibility;
    private final MomentViews views;
    private final Ids ids;
    private final Clock clock;
    private final LateMoments late;
    private final Quotas quotas;

    public MomentService(MomentStore moments, MediaStore media, ProfileStore profiles, MomentVisibility visibility,
                         MomentViews views, LateMoments late, Ids ids, Clock clock, Quotas quotas) {
        this.quotas = quotas;
        this.moments = moments;
        this.media = media;
        this.profiles = profiles;
        this.visibility = visibility;
        this.views = views;
        this.late = late;
        this.ids = ids;
        this.clock = clock;
    }

    public record Upload(String role, String method, String url, Map<String, String> headers, String expiresAt) {
    }

    public record Started(String momentId, MomentStatus status, List<Upload> uploads) {
    }

    public Started start(String authorId, NewMoment request) {
        return start(authorId, request, null);
    }

    /**
     * Starts a moment. With an idempotency key (the client's Idempotency-Key header), a retry of the same
     * request answers the moment the first one started (its uploads signed again) instead of starting a
     * second; the key is the author's for a day; reused for another request it is a 409.
     */
    public Started start(String authorId, NewMoment request, String idempotencyKey) {
        NewMoment.Valid valid = request.validated();
        Profile author = profiles.find(authorId).orElseThrow(() -> new Problem(Problem.Kind.FORBIDDEN,
                "profile_required", "create your profile with PUT /me before posting", null));
        if (valid.audience() == Audience.CAMPUS && author.campusId() == null) {
            throw Problem.invalid("audience", "verify a school email of a campus (POST /me/campus/verification) before posting to it");
        }
        String fingerprint = idempotencyKey == null ? null : fingerprint(valid);
        if (idempotencyKey != null) {
            Optional<Started> earlier = earlier(authorId, idempotencyKey, fingerprint);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Instant now = clock.instant();
        // the cap first, so a refused start does not also spend one of the day's
        quotas.below(Quotas.Cap.PENDING_MOMENTS, moments.pendingSince(authorId, now.minus(PENDING_LIFETIME)));
        quotas.take(authorId, Quotas.Rate.MOMENTS_STARTED);
        String momentId = ids.next(now);
        Moment moment = new Moment(momentId, authorId, valid.caption(), valid.audience(), author.campusId(),
                MomentStatus.PENDING, null, now, null, late.lateMinutes(author.userId(), author.campusId(), now), valid.images());
        boolean created = moments.create(moment, now.plus(PENDING_LIFETIME),
                idempotencyKey == null ? null : new MomentStore.Once(idempotencyKey, fingerprint));
        if (!created) {
            // the same request, retried while the first was still running: answer what the first started
            return earlier(authorId, idempotencyKey, fingerprint).orElseThrow();
        }
        return started(moment, now);
    }

    /** The started moment as POST /moments answers it: an upload URL for each image still to come. */
    private Started started(Moment moment, Instant now) {
        List<Upload> uploads = new ArrayList<>();
        String expiresAt = Times.iso(now.plus(UPLOAD_TTL));
        if (moment.status() == MomentStatus.PENDING) {
            for (MomentImage image : moment.images().values()) {
                if (!image.ready()) {
                    MediaStore.SignedRequest signed = media.presignUpload(
                            MediaKeys.upload(moment.authorId(), moment.momentId(), image.role()),
                            image.contentType(), image.contentLength(), UPLOAD_TTL);
                    uploads.add(new Upload(image.role().wire(), signed.method(), signed.url(), signed.headers(), expiresAt));
                }
            }
        }
        return new Started(moment.momentId(), moment.status(), uploads);
    }

    /** What an earlier request with this key started, if there was one; 409 for another request or a moment gone. */
    private Optional<Started> earlier(String authorId, String idempotencyKey, String fingerprint) {
        Optional<MomentStore.Earlier> earlier = moments.earlier(authorId, idempotencyKey);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().fingerprint().equals(fingerprint)) {
            throw Problem.conflict("idempotency_conflict", "this Idempotency-Key was used for another moment",
                    "Idempotency-Key");
        }
        Moment moment = moments.find(earlier.get().momentId()).orElseThrow(() -> Problem.conflict("idempotency_conflict",
                "the moment started with this Idempotency-Key is gone", "Idempotency-Key"));
        return Optional.of(started(moment, clock.instant()));
    }

    /** What a request asked for, so a key reused for another request is told apart from a retry. */
    private static String fingerprint(NewMoment.Valid valid) {
        StringBuilder text = new StringBuilder(valid.audience().wire()).append('\n')
                .append(valid.caption() == null ? "" : valid.caption());
        valid.images().values().forEach(i -> text.append('\n').append(i.role().wire()).append(' ')
                .append(i.contentType()).append(' ').append(i.contentLength()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public MomentView get(String viewerId, String momentId) {
        Moment moment = visible(viewerId, momentId);
        Profile author = profiles.find(moment.authorId()).orElse(null);
        String mine = views.mine(viewerId, List.of(momentId)).get(momentId);
        return views.view(moment, author, true, mine);
    }

    /** Author only; for anyone else the moment does not exist. Media first, so a retry finishes the job. */
    public void delete(String callerId, String momentId) {
        Moment moment = Ids.isWellFormed(momentId) ? moments.find(momentId).orElse(null) : null;
        if (moment == null || !moment.authorId().equals(callerId)) {
            throw Problem.notFound("moment");
        }
        remove(moment);
    }

    /**
     * Deletes a moment whoever decided it (its author, or a moderator's {@code remove}): media first, so a
     * retry finishes the job; the moment item's REMOVE on the stream then takes its feed entries and
     * interactions (feed fan-out). Deleting what is already gone is nothing.
     */
    public void remove(Moment moment) {
        String momentId = moment.momentId();
        List<String> keys = new ArrayList<>();
        for (ImageRole role : moment.images().keySet()) {
            keys.add(MediaKeys.display(momentId, role));
            keys.add(MediaKeys.thumbnail(momentId, role));
            keys.add(MediaKeys.upload(moment.authorId(), momentId, role));
        }
        media.delete(keys.toArray(String[]::new));
        moments.delete(momentId);
    }

    private Moment visible(String viewerId, String momentId) {
        if (!Ids.isWellFormed(momentId)) {
            throw Problem.notFound("moment");
        }
        Moment moment = moments.find(momentId).orElseThrow(() -> Problem.notFound("moment"));
        Profile viewer = moment.authorId().equals(viewerId) ? null : profiles.find(viewerId).orElse(null);
        if (!visibility.canSee(viewerId, viewer, moment)) {
            throw Problem.notFound("moment");
        }
        return moment;
    }
}
