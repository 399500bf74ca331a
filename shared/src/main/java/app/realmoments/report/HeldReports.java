package app.realmoments.report;

import app.realmoments.id.Ids;
import app.realmoments.moderation.HeldForReview;
import java.time.Clock;
import java.time.Instant;

/**
 * Screening's holds as open reports from the system reporter: the moment (still pending) or the comment
 * (stored hidden) enters the moderators' queue like any reported target, with what flagged it; a
 * moderator's dismiss publishes or shows it, remove deletes it.
 */
public final class HeldReports implements HeldForReview {

    private final ReportStore reports;
    private final Ids ids;
    private final Clock clock;

    public HeldReports(ReportStore reports, Ids ids, Clock clock) {
        this.reports = reports;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void hold(Held held) {
        Target target = switch (held.targetType()) {
            case "moment" -> Target.moment(held.targetId());
            case "comment" -> Target.comment(held.momentId(), held.targetId());
            default -> throw new IllegalArgumentException("screening holds moments and comments, not " + held.targetType());
        };
        Instant now = clock.instant();
        reports.file(new Report(ids.next(now), Report.SYSTEM, target, Reason.OTHER, null, now), held.authorId(),
                held.why() == null || held.why().isBlank() ? "screening" : held.why());
    }
}
