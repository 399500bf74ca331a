package app.realmoments.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reports, the case of each reported target, and the moderators' audit log. A report is filed with
 * the reporter's edge (one per reporter and target, which is also how the reporter stops seeing it)
 * and the case's counters in one write; a resolution closes the case and appends its audit entry in one
 * write conditioned on the case's round, so acting twice leaves one entry.
 */
public interface ReportStore {

    /** The report this reporter already filed about this target (edges stay after resolution). */
    Optional<String> reportIdOf(String reporterId, Target target);

    /**
     * Files the report: its item, the reporter's edge (none for {@link Report#SYSTEM}) and the case
     * (opened, or counted: one more reporter, its reason, {@code held} when screening held it). False,
     * writing nothing, when the reporter's edge already exists (a racing second report).
     */
    boolean file(Report report, String authorId, String held);

    Optional<Report> report(String reportId);

    Optional<Case> caseOf(Target target);

    /** Marks the case auto-hidden. */
    void markHidden(Target target);

    /**
     * Closes the open case of {@code resolution.target()} at {@code round} and appends the audit entry,
     * both or neither: false when the case is no longer open at that round (someone resolved it first).
     */
    boolean resolve(Resolution resolution, long round);

    /** Open cases, oldest first. */
    Slice<Case> open(int limit, Map<String, String> position);

    /** The audit log, newest first. */
    Slice<Resolution> audit(int limit, Map<String, String> position);

    /** When the oldest open case opened, if any is open. */
    Optional<Instant> oldestOpen();

    record Slice<T>(List<T> items, Map<String, String> next) {

        public Slice {
            items = List.copyOf(items);
        }
    }
}
