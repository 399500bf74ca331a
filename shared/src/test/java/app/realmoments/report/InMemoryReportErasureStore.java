package app.realmoments.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link ReportErasureStore} in memory, keyed like the table (cases by {@code type#id}), with a write that can fail. */
final class InMemoryReportErasureStore implements ReportErasureStore {

    final Map<String, Report> reports = new LinkedHashMap<>();
    final Map<String, Case> cases = new LinkedHashMap<>();
    final Map<String, String> erasedAs = new HashMap<>();
    final Map<String, Target> audit = new LinkedHashMap<>();
    /** auditId -> moderatorId; and the moderator of each case's last resolution, by case ref */
    final Map<String, String> moderators = new LinkedHashMap<>();
    final Map<String, String> lastModerator = new LinkedHashMap<>();
    /** reporter -> ref -> reportId (the edges) */
    final Map<String, Map<String, String>> edges = new HashMap<>();
    /** reporter -> refs (the list) */
    final Map<String, Set<String>> lists = new HashMap<>();
    /** The write that throws: 1 is the next one; 0 never. */
    int failAtWrite;
    int writes;

    private void write() {
        writes++;
        if (failAtWrite > 0 && --failAtWrite == 0) {
            throw new IllegalStateException("throttled (injected)");
        }
    }

    void file(Report report, String authorId, boolean hidden) {
        reports.put(report.reportId(), report);
        if (!Report.SYSTEM.equals(report.reporterId())) {
            edges.computeIfAbsent(report.reporterId(), r -> new HashMap<>()).put(report.target().ref(), report.reportId());
            lists.computeIfAbsent(report.reporterId(), r -> new HashSet<>()).add(report.target().ref());
        }
        Case c = cases.get(report.target().ref());
        if (c == null || !c.open()) {
            long round = c == null ? 0 : c.round();
            c = new Case(report.target(), authorId, report.reportId(), report.createdAt(), 0, Set.of(), true, false, null,
                    round, null);
        }
        Set<String> reasons = new HashSet<>(c.reasons());
        int reporters = c.reporters();
        if (!Report.SYSTEM.equals(report.reporterId())) {
            reasons.add(report.reason().wire());
            reporters++;
        }
        cases.put(report.target().ref(), new Case(c.target(), c.authorId(), c.firstReportId(), c.openedAt(), reporters,
                reasons, true, hidden || c.hidden(), c.held(), c.round(), c.last()));
    }

    void resolve(Target target, String auditId, String moderatorId) {
        resolve(target, auditId);
        moderators.put(auditId, moderatorId);
        lastModerator.put(target.ref(), auditId + "/" + moderatorId);
    }

    void resolve(Target target, String auditId) {
        Case c = cases.get(target.ref());
        cases.put(target.ref(), new Case(c.target(), c.authorId(), null, null, 0, Set.of(), false, false, null, c.round() + 1,
                null));
        audit.put(auditId, target);
    }

    @Override
    public List<String> reportIdsFiledBy(String userId) {
        return List.copyOf(edges.getOrDefault(userId, Map.of()).values());
    }

    @Override
    public Optional<Report> report(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    @Override
    public Optional<Case> caseOf(Target target) {
        return Optional.ofNullable(cases.get(target.ref()));
    }

    @Override
    public List<Report> reportsOf(Target target) {
        return reports.values().stream().filter(r -> r.target().ref().equals(target.ref())).toList();
    }

    @Override
    public boolean withdraw(Report report, Withdrawal change) {
        write();
        if (change != null) {
            Case c = cases.get(report.target().ref());
            if (c == null || !c.open() || c.round() != change.round() || c.reporters() != change.reportersBefore()) {
                return false;
            }
            cases.put(report.target().ref(), change.close()
                    ? new Case(c.target(), c.authorId(), null, null, 0, Set.of(), false, c.hidden(), c.held(), c.round(), c.last())
                    : new Case(c.target(), c.authorId(), change.firstReportId(), change.openedAt(), change.reporters(),
                            change.reasons(), true, c.hidden(), c.held(), c.round(), c.last()));
        }
        reports.remove(report.reportId());
        return true;
    }

    @Override
    public List<Target> casesAuthoredBy(String userId) {
        return cases.values().stream().filter(c -> userId.equals(c.authorId())).map(Case::target).toList();
    }

    @Override
    public void stripAuthor(Target target, String userId) {
        write();
        Case c = cases.get(target.ref());
        if (c != null && userId.equals(c.authorId())) {
            cases.put(target.ref(), new Case(c.target(), null, c.firstReportId(), c.openedAt(), c.reporters(), c.reasons(),
                    c.open(), c.hidden(), c.held(), c.round(), c.last()));
        }
    }

    @Override
    public Optional<String> placeholderFor(Target userTarget, String candidate) {
        if (!cases.containsKey(userTarget.ref())) {
            return Optional.empty();
        }
        write();
        return Optional.of(erasedAs.computeIfAbsent(userTarget.ref(), k -> candidate));
    }

    @Override
    public void dropReporterEdge(String reporterId, Target target) {
        write();
        lists.getOrDefault(reporterId, new HashSet<>()).remove(target.ref());
        edges.getOrDefault(reporterId, new HashMap<>()).remove(target.ref());
    }

    @Override
    public void retargetReport(String reportId, String placeholder) {
        write();
        Report r = reports.get(reportId);
        if (r != null) {
            reports.put(reportId, new Report(r.reportId(), r.reporterId(), new Target(r.target().type(), placeholder, null),
                    r.reason(), r.note(), r.createdAt()));
        }
    }

    @Override
    public List<String> auditEntriesOf(Target target) {
        return audit.entrySet().stream().filter(e -> e.getValue().ref().equals(target.ref())).map(Map.Entry::getKey).toList();
    }

    @Override
    public void retargetAudit(String auditId, String placeholder) {
        write();
        Target t = audit.get(auditId);
        audit.put(auditId, new Target(t.type(), placeholder, null));
    }

    @Override
    public void moveCase(Target from, String placeholder) {
        write();
        Case c = cases.remove(from.ref());
        erasedAs.remove(from.ref());
        if (c != null) {
            Target to = new Target(from.type(), placeholder, null);
            cases.put(to.ref(), new Case(to, null, c.firstReportId(), c.openedAt(), c.reporters(), c.reasons(), c.open(),
                    c.hidden(), c.held(), c.round(), c.last()));
        }
    }

    @Override
    public List<ModeratorEntry> auditEntriesBy(String moderatorId) {
        return moderators.entrySet().stream().filter(e -> e.getValue().equals(moderatorId))
                .map(e -> new ModeratorEntry(e.getKey(), audit.get(e.getKey()))).toList();
    }

    @Override
    public void anonymiseModerator(ModeratorEntry entry, String moderatorId, String placeholder) {
        write();
        lastModerator.replace(entry.target().ref(), entry.auditId() + "/" + moderatorId, entry.auditId() + "/" + placeholder);
        moderators.replace(entry.auditId(), moderatorId, placeholder);
    }

    /** Everything stored, as text: what a scan for the user's id would read. */
    String dump() {
        List<Object> all = new ArrayList<>();
        all.addAll(reports.values());
        all.addAll(cases.keySet());
        all.addAll(cases.values());
        all.addAll(audit.values());
        all.add(erasedAs);
        all.add(moderators);
        all.add(lastModerator);
        edges.forEach((reporter, refs) -> all.add(reporter + "=" + refs));
        lists.forEach((reporter, refs) -> all.add(reporter + "=" + refs));
        return all.toString();
    }
}
