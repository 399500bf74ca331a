package app.realmoments.report;

import app.realmoments.account.AccountSuspension;
import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionStore;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentStore;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentViews;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.profile.ProfileView;
import app.realmoments.text.TypedText;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The moderators' side (Cognito group {@code moderators}; the handler checks it): the queue of open
 * cases oldest first with the reported content, resolving one, and the append-only audit log.
 *
 * <p>Resolving does what the action says first, then closes the case and appends the audit entry in one
 * conditional write: every effect is idempotent (deleting what is gone, disabling a disabled account, a
 * notification with an id derived from the moment), so two moderators acting at once, or one acting
 * twice, leave the content as one action would and exactly one audit entry; the later call answers the
 * resolution that stands (200).
 */
public final class ModerationService {

    /** Publishes a moment screening held, through the normal publish path (so fan-out runs). */
    public interface Release {
        void release(String momentId);
    }

    private final ReportStore reports;
    private final ContentFlags flags;
    private final MomentStore moments;
    private final MomentService deletion;
    private final InteractionStore interactions;
    private final ProfileStore profiles;
    private final MomentViews views;
    private final NotificationQueue notifications;
    private final AccountSuspension accounts;
    private final Release release;
    private final Cursors cursors;
    private final Ids ids;
    private final Clock clock;

    public ModerationService(ReportStore reports, ContentFlags flags, MomentStore moments, MomentService deletion,
                             InteractionStore interactions, ProfileStore profiles, MomentViews views,
                             NotificationQueue notifications, AccountSuspension accounts, Release release, Cursors cursors,
                             Ids ids, Clock clock) {
        this.reports = reports;
        this.flags = flags;
        this.moments = moments;
        this.deletion = deletion;
        this.interactions = interactions;
        this.profiles = profiles;
        this.views = views;
        this.notifications = notifications;
        this.accounts = accounts;
        this.release = release;
        this.cursors = cursors;
        this.ids = ids;
        this.clock = clock;
    }

    public record NewResolution(String action, String note) {
    }

    public record TargetView(String type, String id, String momentId) {

        static TargetView of(Target target) {
            return new TargetView(target.type().wire(), target.id(),
                    target.type() == TargetType.USER ? null : target.momentId());
        }
    }

    public record CommentContent(String commentId, String momentId, MomentView.Author author, String text,
                                 String createdAt) {
    }

    /**
     * One open case as the queue shows it: the content it points at (one of moment, comment, user; none
     * when it is gone), how many distinct people reported it and why; {@code held}: what screening flagged.
     */
    public record QueueItem(String reportId, TargetView target, String authorId, String openedAt, int reporters,
                            List<String> reasons, boolean hidden, String held, boolean contentGone,
                            MomentView moment, CommentContent comment, ProfileView user) {
    }

    public record ResolutionView(String auditId, String reportId, TargetView target, String action,
                                 String moderatorId, String note, String at) {

        static ResolutionView of(Resolution r) {
            return new ResolutionView(r.auditId(), r.reportId(), TargetView.of(r.target()), r.action().wire(),
                    r.moderatorId(), r.note(), Times.iso(r.at()));
        }
    }

    public Page<QueueItem> queue(int limit, String cursor) {
        String scope = "moderation:queue";
        ReportStore.Slice<Case> slice = reports.open(limit, cursors.decode(scope, cursor));
        List<QueueItem> items = new ArrayList<>();
        slice.items().forEach(c -> items.add(item(c)));
        return new Page<>(items, cursors.encode(scope, slice.next()));
    }

    public Page<ResolutionView> audit(int limit, String cursor) {
        String scope = "moderation:audit";
        ReportStore.Slice<Resolution> slice = reports.audit(limit, cursors.decode(scope, cursor));
        return new Page<>(slice.items().stream().map(ResolutionView::of).toList(), cursors.encode(scope, slice.next()));
    }

    public ResolutionView resolve(String moderatorId, String reportId, NewResolution request) {
        Resolution.Action action = Resolution.Action.fromWire(request == null ? null : request.action());
        if (action == null) {
            throw Problem.invalid("action", "action must be dismiss, remove or suspend_author");
        }
        String note = TypedText.optional("note", request.note(), NewReport.MAX_NOTE_LENGTH, TypedText.Lines.MANY);
        Report report = Ids.isWellFormed(reportId) ? reports.report(reportId).orElse(null) : null;
        Case reported = report == null ? null : reports.caseOf(report.target()).orElse(null);
        if (reported == null) {
            throw Problem.notFound("report");
        }
        if (!reported.open()) {
            return standing(reported);
        }
        if (action == Resolution.Action.REMOVE && reported.target().type() == TargetType.USER) {
            throw Problem.invalid("action", "a person is not removed: dismiss the report or suspend_author");
        }
        apply(action, reported);
        Instant now = clock.instant();
        Resolution resolution = new Resolution(ids.next(now), reportId, reported.target(), action, moderatorId, note, now);
        if (reports.resolve(resolution, reported.round())) {
            return ResolutionView.of(resolution);
        }
        // another moderator (or this one's retry) resolved it first: theirs stands, with its one audit entry
        return standing(reports.caseOf(reported.target()).orElseThrow());
    }

    private ResolutionView standing(Case resolved) {
        if (resolved.last() == null) {
            throw Problem.conflict("conflict", "the report is being resolved; try again", null);
        }
        return ResolutionView.of(resolved.last());
    }

    private void apply(Resolution.Action action, Case reported) {
        Target target = reported.target();
        switch (action) {
            case DISMISS -> {
                flags.show(target);
                if (reported.held() != null && target.type() == TargetType.MOMENT) {
                    release.release(target.id()); // only a pending moment is released; anything else is left as it is
                }
            }
            case REMOVE -> {
                if (target.type() == TargetType.MOMENT) {
                    Optional<Moment> moment = moments.find(target.id());
                    if (moment.isPresent()) {
                        // queued first, with an id derived from the moment, so a retry re-sends the same job
                        notifications.send(List.of(NotificationJob.of(NotificationType.MOMENT_REMOVED,
                                moment.get().authorId(), null, target.id(), "removed after review",
                                moment.get().createdAt())));
                        deletion.remove(moment.get());
                    }
                } else {
                    interactions.deleteComment(target.momentId(), target.id());
                }
            }
            case SUSPEND_AUTHOR -> {
                if (reported.authorId() != null) {
                    accounts.suspend(reported.authorId());
                    flags.suspend(reported.authorId());
                }
            }
        }
    }

    private QueueItem item(Case c) {
        Target target = c.target();
        MomentView moment = null;
        CommentContent comment = null;
        ProfileView user = null;
        switch (target.type()) {
            case MOMENT -> moment = moments.find(target.id())
                    .map(m -> views.forReview(m, profiles.find(m.authorId()).orElse(null))).orElse(null);
            case COMMENT -> {
                Comment found = interactions.comment(target.momentId(), target.id()).orElse(null);
                if (found != null) {
                    Profile author = profiles.find(found.authorId()).orElse(null);
                    comment = new CommentContent(found.commentId(), found.momentId(), author == null
                            ? new MomentView.Author(found.authorId(), null, null)
                            : new MomentView.Author(author.userId(), author.handle(), author.displayName()),
                            found.text(), Times.iso(found.createdAt()));
                }
            }
            case USER -> user = profiles.find(target.id()).map(ProfileView::of).orElse(null);
        }
        return new QueueItem(c.firstReportId(), TargetView.of(target), c.authorId(), Times.iso(c.openedAt()),
                c.reporters(), List.copyOf(new TreeSet<>(c.reasons())), c.hidden(), c.held(),
                moment == null && comment == null && user == null, moment, comment, user);
    }
}
