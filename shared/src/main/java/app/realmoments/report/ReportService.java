package app.realmoments.report;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionStore;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStore;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.quota.Quotas;
import app.realmoments.social.Relation;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /reports}: a person reports a moment, a comment or a user. Only what the reporter can
 * see (the one visibility rule) can be reported: anything else is a 404 exactly like a missing id, and
 * their own content a 400. From the report on the reporter no longer sees the target (their edge is
 * part of the rule); a second report of the same target answers the first (200). When
 * {@code autoHideThreshold} distinct people have open reports on one target it is hidden from everyone
 * but its author until a moderator reviews it.
 */
public final class ReportService {

    private final ReportStore reports;
    private final ContentFlags flags;
    private final MomentStore moments;
    private final InteractionStore interactions;
    private final ProfileStore profiles;
    private final SocialGraph graph;
    private final SocialGraphStore relations;
    private final MomentVisibility visibility;
    private final Quotas quotas;
    private final Ids ids;
    private final Clock clock;
    private final int autoHideThreshold;

    public ReportService(ReportStore reports, ContentFlags flags, MomentStore moments, InteractionStore interactions,
                         ProfileStore profiles, SocialGraph graph, SocialGraphStore relations, Quotas quotas, Ids ids,
                         Clock clock, int autoHideThreshold) {
        if (autoHideThreshold < 1) {
            throw new IllegalArgumentException("the auto-hide threshold is at least 1 reporter");
        }
        this.reports = reports;
        this.flags = flags;
        this.moments = moments;
        this.interactions = interactions;
        this.profiles = profiles;
        this.graph = graph;
        this.relations = relations;
        this.visibility = new MomentVisibility(graph, profiles);
        this.quotas = quotas;
        this.ids = ids;
        this.clock = clock;
        this.autoHideThreshold = autoHideThreshold;
    }

    /** {@code created}: false when the caller had reported this target before (the same report answers). */
    public record Filed(String reportId, boolean created) {
    }

    public record Answer(String reportId) {
    }

    public Filed report(String callerId, NewReport request) {
        if (request == null) {
            throw Problem.invalid("targetType", "a report needs targetType, targetId and reason");
        }
        NewReport.Valid valid = request.validated();
        Target target = valid.target();
        Optional<String> earlier = reports.reportIdOf(callerId, target);
        if (earlier.isPresent()) {
            return new Filed(earlier.get(), false);
        }
        String authorId = authorOfVisible(callerId, target);
        quotas.take(callerId, Quotas.Rate.REPORTS);
        Instant now = clock.instant();
        Report report = new Report(ids.next(now), callerId, target, valid.reason(), valid.note(), now);
        if (!reports.file(report, authorId, null)) {
            // the same report, filed at the same time by another request of the caller's: answer that one
            return new Filed(reports.reportIdOf(callerId, target).orElseThrow(), false);
        }
        hideWhenReportedEnough(target);
        return new Filed(report.reportId(), true);
    }

    /** Enough distinct reporters with open reports: hidden from everyone but its author until reviewed. */
    private void hideWhenReportedEnough(Target target) {
        Case reported = reports.caseOf(target).orElse(null);
        if (reported != null && reported.open() && !reported.hidden() && reported.reporters() >= autoHideThreshold) {
            flags.hide(target);
            reports.markHidden(target);
        }
    }

    /** The target's author, when the caller may see the target and it is not theirs; 404 or 400 otherwise. */
    private String authorOfVisible(String callerId, Target target) {
        return switch (target.type()) {
            case MOMENT -> {
                Moment moment = visibleMoment(callerId, target.id());
                yield notOwn(callerId, moment.authorId());
            }
            case COMMENT -> {
                visibleMoment(callerId, target.momentId());
                Comment comment = interactions.comment(target.momentId(), target.id())
                        .orElseThrow(() -> Problem.notFound("comment"));
                notOwn(callerId, comment.authorId());
                SocialGraph.Standing standing = graph.standingWith(callerId, List.of(comment.authorId()),
                        List.of(target.ref()));
                Profile author = profiles.find(comment.authorId()).orElse(null);
                if (!MomentVisibility.shown(callerId, comment.authorId(), "comment", comment.commentId(), comment.hidden(),
                        standing, author)) {
                    throw Problem.notFound("comment");
                }
                yield comment.authorId();
            }
            case USER -> {
                notOwn(callerId, target.id());
                Relation relation = relations.relation(callerId, target.id());
                Profile profile = profiles.find(target.id()).orElse(null);
                if (relation.blockedEitherWay() || profile == null || profile.hidden()) {
                    throw Problem.notFound("user");
                }
                yield target.id();
            }
        };
    }

    private Moment visibleMoment(String callerId, String momentId) {
        Moment moment = moments.find(momentId).orElseThrow(() -> Problem.notFound("moment"));
        Profile viewer = moment.authorId().equals(callerId) ? null : profiles.find(callerId).orElse(null);
        if (!visibility.canSee(callerId, viewer, moment) || !moment.isPublished()) {
            throw Problem.notFound("moment");
        }
        return moment;
    }

    private static String notOwn(String callerId, String authorId) {
        if (authorId.equals(callerId)) {
            throw new Problem(Problem.Kind.INVALID, "own_content", "you cannot report your own content or yourself",
                    "targetId");
        }
        return authorId;
    }
}
