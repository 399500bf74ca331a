package app.realmoments.moment;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    public MomentService(MomentStore moments, MediaStore media, ProfileStore profiles, MomentVisibility visibility,
                         MomentViews views, LateMoments late, Ids ids, Clock clock) {
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
        NewMoment.Valid valid = request.validated();
        Profile author = profiles.find(authorId).orElseThrow(() -> new Problem(Problem.Kind.FORBIDDEN,
                "profile_required", "create your profile with PUT /me before posting", null));
        if (valid.audience() == Audience.CAMPUS && author.campusId() == null) {
            throw Problem.invalid("audience", "join a campus with PUT /me before posting to it");
        }
        Instant now = clock.instant();
        String momentId = ids.next(now);
        Moment moment = new Moment(momentId, authorId, valid.caption(), valid.audience(), author.campusId(),
                MomentStatus.PENDING, null, now, null, late.lateMinutes(author.campusId(), now), valid.images());
        moments.create(moment, now.plus(PENDING_LIFETIME));

        List<Upload> uploads = new ArrayList<>();
        String expiresAt = Times.iso(now.plus(UPLOAD_TTL));
        for (MomentImage image : valid.images().values()) {
            MediaStore.SignedRequest signed = media.presignUpload(MediaKeys.upload(authorId, momentId, image.role()),
                    image.contentType(), image.contentLength(), UPLOAD_TTL);
            uploads.add(new Upload(image.role().wire(), signed.method(), signed.url(), signed.headers(), expiresAt));
        }
        return new Started(momentId, MomentStatus.PENDING, uploads);
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
