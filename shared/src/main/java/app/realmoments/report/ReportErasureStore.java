package app.realmoments.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link ReportErasure} reads and writes: the reports a user filed (their {@code REPORTED#} edges),
 * the reports and audit entries of a target, the cases naming a user as author, and the conditional writes
 * that take the user out of them. Every write is idempotent (a second one finds nothing or its condition
 * broken and changes nothing).
 */
public interface ReportErasureStore {

    /** The ids of the reports {@code userId} filed (from their edges, one per target). */
    List<String> reportIdsFiledBy(String userId);

    Optional<Report> report(String reportId);

    Optional<Case> caseOf(Target target);

    /** Every report of this target (any round), the system's included. */
    List<Report> reportsOf(Target target);

    /** The case as it is after a withdrawal: the counts and first report of the reports left in its round. */
    record Withdrawal(long round, int reportersBefore, int reporters, Set<String> reasons, String firstReportId,
                      Instant openedAt, boolean close) {

        public Withdrawal {
            reasons = Set.copyOf(reasons);
        }
    }

    /**
     * Deletes the report and (when {@code change} is not null) writes the case as {@code change} says, both or
     * neither, conditioned on the case still being open at that round with {@code reportersBefore} reporters:
     * false when it changed meanwhile (read again).
     */
    boolean withdraw(Report report, Withdrawal change);

    /** The cases whose {@code authorId} is the user (their content's, and the case of the user themself). */
    List<Target> casesAuthoredBy(String userId);

    /** Removes {@code authorId} from the case while it is this user's. */
    void stripAuthor(Target target, String userId);

    /**
     * The placeholder that stands for the user in the case of the user target: {@code candidate} if the case
     * has none yet, the one an earlier (interrupted) run chose otherwise; empty when there is no such case.
     */
    Optional<String> placeholderFor(Target userTarget, String candidate);

    /** Deletes {@code reporterId}'s edge naming the target and the target's ref in their list. */
    void dropReporterEdge(String reporterId, Target target);

    /** Rewrites the report's target id to the placeholder. */
    void retargetReport(String reportId, String placeholder);

    /** The audit entries (their sort keys) whose target is this one. */
    List<String> auditEntriesOf(Target target);

    /** Rewrites the audit entry's target id to the placeholder. */
    void retargetAudit(String auditId, String placeholder);

    /** Moves the case under the placeholder's key, without {@code authorId}, and deletes the old one (both or neither). */
    void moveCase(Target from, String placeholder);

    /** The audit entries a moderator wrote: their sort keys and targets. */
    List<ModeratorEntry> auditEntriesBy(String moderatorId);

    record ModeratorEntry(String auditId, Target target) {
    }

    /**
     * Replaces the moderator's id by the placeholder in the entry and, first, in its case's {@code last} while
     * that is this entry (both conditioned on still naming the moderator).
     */
    void anonymiseModerator(ModeratorEntry entry, String moderatorId, String placeholder);
}
