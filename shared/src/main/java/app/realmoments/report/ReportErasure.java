package app.realmoments.report;

import app.realmoments.account.AccountErasure;
import app.realmoments.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moderation's part of the erasure walk ({@link AccountErasure.Part}, run at {@code PARTS}, before the
 * user's partition goes, so the user's {@code REPORTED#} edges still lead it to their reports):
 * <ol>
 * <li>Reports the user filed are deleted, each with its case corrected in the same write: one reporter
 * fewer, the reasons and the first report recomputed from the reports left in the case's round. A case
 * left with no report is closed quietly (no audit entry: nobody resolved it, nothing is left to review);
 * a case still hidden by auto-hide stays hidden below the threshold until a moderator reviews it.</li>
 * <li>The case of the user themself (keyed {@code TARGET#user#{id}}) gets a placeholder
 * ({@code erased-{random}}, chosen once and kept on the case, so an interrupted run goes on with the same
 * one); each report of the user loses its reporter's edge and list ref, and names the placeholder; so do
 * the audit entries; last the case moves under the placeholder's key, without {@code authorId}.</li>
 * <li>Cases of the user's content lose {@code authorId} (the content itself is gone with the walk: the
 * queue shows them as {@code contentGone}); their reporters' edges and list refs, which only hid content that
 * is gone, are deleted first.</li>
 * </ol>
 * Each item is what leads a resumed run to the ones after it (the edge to the report, the report to its
 * reporter's edge, the old case to the placeholder), so a run that dies anywhere is finished by the next,
 * and a run on an erased user finds nothing.
 */
public final class ReportErasure implements AccountErasure.Part {

    /** How often a case that changed while a report was withdrawn is read again. */
    private static final int ATTEMPTS = 5;

    public static final String PLACEHOLDER_PREFIX = "erased-";

    private final ReportErasureStore store;
    private final Ids ids;
    private final Clock clock;

    public ReportErasure(ReportErasureStore store, Ids ids, Clock clock) {
        this.store = store;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public int erase(String userId) {
        int changed = 0;
        for (String reportId : store.reportIdsFiledBy(userId)) {
            changed += withdraw(reportId);
        }
        changed += reportsAgainst(userId);
        List<ReportErasureStore.ModeratorEntry> acted = store.auditEntriesBy(userId);
        if (!acted.isEmpty()) {
            // a moderator's own erasure: their actions stay in the log, by a placeholder moderator
            String moderator = PLACEHOLDER_PREFIX + ids.next(clock.instant());
            acted.forEach(entry -> store.anonymiseModerator(entry, userId, moderator));
            changed += acted.size();
        }
        for (Target target : store.casesAuthoredBy(userId)) {
            if (target.type() != TargetType.USER) {
                // the reporters' edges point at content that is gone: they go first (the authorId leads back to them)
                for (Report report : store.reportsOf(target)) {
                    if (!Report.SYSTEM.equals(report.reporterId())) {
                        store.dropReporterEdge(report.reporterId(), target);
                    }
                }
                store.stripAuthor(target, userId);
                changed++;
            }
        }
        return changed;
    }

    private int withdraw(String reportId) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Report> found = store.report(reportId);
            if (found.isEmpty()) {
                return 0;
            }
            Report report = found.get();
            Case reported = store.caseOf(report.target()).orElse(null);
            if (reported == null || !inRound(reported, report)) {
                // an earlier round's report (resolved) or no case: the report alone
                store.withdraw(report, null);
                return 1;
            }
            if (store.withdraw(report, withdrawal(reported, report))) {
                return 1;
            }
        }
        throw new IllegalStateException("a case kept changing while a report of it was withdrawn; the job is retried");
    }

    /** Counted in the case's open round: reports come in time order, a round opens at its first report. */
    private static boolean inRound(Case reported, Report report) {
        return reported.open() && reported.openedAt() != null && !report.createdAt().isBefore(reported.openedAt());
    }

    ReportErasureStore.Withdrawal withdrawal(Case reported, Report withdrawn) {
        List<Report> left = store.reportsOf(reported.target()).stream()
                .filter(r -> !r.reportId().equals(withdrawn.reportId()) && inRound(reported, r))
                .sorted(Comparator.comparing(Report::createdAt).thenComparing(Report::reportId))
                .toList();
        Set<String> reasons = new TreeSet<>();
        left.stream().filter(r -> !Report.SYSTEM.equals(r.reporterId())).forEach(r -> reasons.add(r.reason().wire()));
        int reporters = Math.max(0, reported.reporters() - (Report.SYSTEM.equals(withdrawn.reporterId()) ? 0 : 1));
        if (left.isEmpty()) {
            return new ReportErasureStore.Withdrawal(reported.round(), reported.reporters(), 0, Set.of(), null, null, true);
        }
        String first = reported.firstReportId();
        Instant openedAt = reported.openedAt();
        if (withdrawn.reportId().equals(first)) {
            first = left.getFirst().reportId();
            openedAt = left.getFirst().createdAt();
        }
        return new ReportErasureStore.Withdrawal(reported.round(), reported.reporters(), reporters, reasons, first,
                openedAt, false);
    }

    private int reportsAgainst(String userId) {
        Target user = Target.user(userId);
        String candidate = PLACEHOLDER_PREFIX + ids.next(clock.instant());
        Optional<String> placeholder = store.placeholderFor(user, candidate);
        // no case (moved already): a report the index showed late (the sweep's run) still loses the user's id
        String standIn = placeholder.orElse(candidate);
        int changed = 0;
        for (Report report : store.reportsOf(user)) {
            if (!Report.SYSTEM.equals(report.reporterId())) {
                store.dropReporterEdge(report.reporterId(), user);
            }
            store.retargetReport(report.reportId(), standIn);
            changed++;
        }
        for (String auditId : store.auditEntriesOf(user)) {
            store.retargetAudit(auditId, standIn);
            changed++;
        }
        if (placeholder.isPresent()) {
            store.moveCase(user, standIn);
            changed++;
        }
        return changed;
    }
}
