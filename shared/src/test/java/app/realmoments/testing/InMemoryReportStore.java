package app.realmoments.testing;

import app.realmoments.report.Case;
import app.realmoments.report.Report;
import app.realmoments.report.ReportStore;
import app.realmoments.report.Resolution;
import app.realmoments.report.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reports, cases and the audit log in memory, with the semantics of report/dynamo: one edge per reporter and
 * target (written into the social graph too, as the users table's edge is what visibility reads), a case
 * counted per person, a resolution conditioned on the case's round.
 */
public final class InMemoryReportStore implements ReportStore {

    private final FakeSocialGraph graph;
    private final Map<String, String> edges = new HashMap<>();
    private final Map<String, Report> reports = new HashMap<>();
    private final Map<Target, Case> cases = new HashMap<>();
    public final List<Resolution> audit = new ArrayList<>();
    /** Runs just before the next resolution's write, as if another moderator got there first. */
    public Runnable beforeNextResolve;

    public InMemoryReportStore(FakeSocialGraph graph) {
        this.graph = graph;
    }

    @Override
    public synchronized Optional<String> reportIdOf(String reporterId, Target target) {
        return Optional.ofNullable(edges.get(reporterId + ">" + target.ref()));
    }

    @Override
    public synchronized boolean file(Report report, String authorId, String held) {
        Target target = report.target();
        boolean byPerson = !Report.SYSTEM.equals(report.reporterId());
        if (byPerson) {
            if (edges.putIfAbsent(report.reporterId() + ">" + target.ref(), report.reportId()) != null) {
                return false;
            }
            graph.reported(report.reporterId(), target.ref());
        }
        reports.put(report.reportId(), report);
        Case c = cases.get(target);
        Set<String> reasons = new HashSet<>(c == null || !c.open() ? Set.of() : c.reasons());
        if (byPerson) {
            reasons.add(report.reason().wire());
        }
        boolean reopen = c == null || !c.open();
        cases.put(target, new Case(target, authorId != null ? authorId : c == null ? null : c.authorId(),
                reopen ? report.reportId() : c.firstReportId(), reopen ? report.createdAt() : c.openedAt(),
                (reopen ? 0 : c.reporters()) + (byPerson ? 1 : 0), reasons, true, !reopen && c.hidden(),
                held != null ? held : reopen ? null : c.held(), c == null ? 0 : c.round(), c == null ? null : c.last()));
        return true;
    }

    @Override
    public synchronized Optional<Report> report(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    @Override
    public synchronized Optional<Case> caseOf(Target target) {
        return Optional.ofNullable(cases.get(target));
    }

    @Override
    public synchronized void markHidden(Target target) {
        Case c = cases.get(target);
        cases.put(target, new Case(target, c.authorId(), c.firstReportId(), c.openedAt(), c.reporters(), c.reasons(),
                c.open(), true, c.held(), c.round(), c.last()));
    }

    @Override
    public boolean resolve(Resolution resolution, long round) {
        Runnable first = beforeNextResolve;
        beforeNextResolve = null;
        if (first != null) {
            first.run();
        }
        synchronized (this) {
            Case c = cases.get(resolution.target());
            if (c == null || !c.open() || c.round() != round) {
                return false;
            }
            cases.put(resolution.target(), new Case(c.target(), c.authorId(), null, null, 0, Set.of(), false, false,
                    null, round + 1, resolution));
            audit.add(resolution);
            return true;
        }
    }

    @Override
    public synchronized Slice<Case> open(int limit, Map<String, String> position) {
        List<Case> open = cases.values().stream().filter(Case::open)
                .sorted(Comparator.comparing(Case::openedAt).thenComparing(Case::firstReportId)).toList();
        int from = position == null ? 0 : Integer.parseInt(position.get("from"));
        List<Case> page = open.subList(Math.min(from, open.size()), Math.min(from + limit, open.size()));
        return new Slice<>(page, from + limit < open.size() ? Map.of("from", Integer.toString(from + limit)) : null);
    }

    @Override
    public synchronized Slice<Resolution> audit(int limit, Map<String, String> position) {
        List<Resolution> newest = new ArrayList<>(audit);
        newest.sort(Comparator.comparing(Resolution::auditId).reversed());
        int from = position == null ? 0 : Integer.parseInt(position.get("from"));
        List<Resolution> page = newest.subList(Math.min(from, newest.size()), Math.min(from + limit, newest.size()));
        return new Slice<>(page, from + limit < newest.size() ? Map.of("from", Integer.toString(from + limit)) : null);
    }

    @Override
    public synchronized Optional<Instant> oldestOpen() {
        return cases.values().stream().filter(Case::open).map(Case::openedAt).min(Comparator.naturalOrder());
    }
}
