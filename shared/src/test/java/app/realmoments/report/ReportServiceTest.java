package app.realmoments.report;

import static app.realmoments.report.ReportWorld.COMMENT;
import static app.realmoments.report.ReportWorld.MOMENT;
import static app.realmoments.report.ReportWorld.moment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.InMemoryQuotaCounter;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    private final ReportWorld world = new ReportWorld();
    private final ReportService reports = world.reportService();

    private static Problem refused(Runnable call) {
        return assertThrows(Problem.class, call::run);
    }

    @Test
    void badInputIsA400NamingTheField() {
        record Case(NewReport report, String field) {
        }
        for (Case c : new Case[] {
                new Case(new NewReport("post", MOMENT, null, "spam", null), "targetType"),
                new Case(new NewReport(null, MOMENT, null, "spam", null), "targetType"),
                new Case(new NewReport("moment", MOMENT, null, "rude", null), "reason"),
                new Case(new NewReport("moment", MOMENT, null, "SPAM", null), "reason"),
                new Case(new NewReport("moment", "not-an-id", null, "spam", null), "targetId"),
                new Case(new NewReport("comment", COMMENT, null, "spam", null), "momentId"),
                new Case(new NewReport("comment", "x", MOMENT, "spam", null), "targetId"),
                new Case(new NewReport("user", "bad id!", null, "spam", null), "targetId"),
                new Case(new NewReport("moment", MOMENT, null, "spam", "x".repeat(501)), "note"),
                new Case(new NewReport("moment", MOMENT, null, "spam", "look\u202Ehere"), "note")}) {
            Problem problem = refused(() -> reports.report("ben", c.report()));
            assertEquals(Problem.Kind.INVALID, problem.kind(), c.toString());
            assertEquals(c.field(), problem.field(), c.toString());
        }
        assertEquals(Problem.Kind.INVALID, refused(() -> reports.report("ben", null)).kind());
    }

    @Test
    void ownContentIsA400() {
        assertEquals("own_content", refused(() -> reports.report("ana", moment("spam"))).code());
        assertEquals("own_content", refused(() -> reports.report("ben",
                new NewReport("comment", COMMENT, MOMENT, "spam", null))).code());
        assertEquals("own_content", refused(() -> reports.report("ben", new NewReport("user", "ben", null, "spam", null))).code());
    }

    @Test
    void whatTheCallerCannotSeeIsA404ExactlyLikeWhatDoesNotExist() {
        Problem missing = refused(() -> reports.report("ben", new NewReport("moment", "01JD8X9Z9Z9Z9Z9Z9Z9Z9Z9Z9Z", null,
                "spam", null)));
        assertEquals(Problem.Kind.NOT_FOUND, missing.kind());
        Problem otherCampus = refused(() -> reports.report("eve", moment("spam")));
        assertEquals(missing.kind(), otherCampus.kind());
        assertEquals(missing.getMessage(), otherCampus.getMessage());
        world.graph.block("ana", "cy");
        Problem blocked = refused(() -> reports.report("cy", moment("spam")));
        assertEquals(missing.getMessage(), blocked.getMessage());
        assertEquals(Problem.Kind.NOT_FOUND, refused(() -> reports.report("eve",
                new NewReport("comment", COMMENT, MOMENT, "spam", null))).kind(), "a comment on a moment eve cannot see");
        assertEquals(Problem.Kind.NOT_FOUND, refused(() -> reports.report("cy", new NewReport("user", "ana", null, "spam",
                null))).kind(), "a user blocked either way");
        assertEquals(Problem.Kind.NOT_FOUND, refused(() -> reports.report("cy", new NewReport("user", "nobody", null,
                "spam", null))).kind());
    }

    @Test
    void theReporterStopsSeeingTheTargetAndReportingAgainAnswersTheSameReport() {
        ReportService.Filed first = reports.report("ben", new NewReport("moment", MOMENT, null, "spam", " looks like an ad "));
        assertTrue(first.created());
        assertEquals(" looks like an ad ".strip(), world.reports.report(first.reportId()).orElseThrow().note());
        assertFalse(world.sees("ben", MOMENT), "the reporter no longer sees it");
        assertTrue(world.sees("cy", MOMENT), "everyone else still does");
        assertTrue(world.sees("ana", MOMENT));

        ReportService.Filed again = reports.report("ben", moment("hate"));
        assertEquals(first.reportId(), again.reportId());
        assertFalse(again.created());
        assertEquals(1, world.reports.caseOf(Target.moment(MOMENT)).orElseThrow().reporters(), "one open per reporter");
    }

    @Test
    void reportingAUserHidesTheirContentFromTheReporterOneWay() {
        reports.report("cy", new NewReport("user", "ana", null, "harassment", null));
        assertFalse(world.sees("cy", MOMENT));
        assertTrue(world.sees("dee", MOMENT));
        assertEquals(false, world.graph.relation("ana", "cy").blockedEitherWay(), "not a block");
    }

    @Test
    void enoughDistinctReportersHideTheTargetFromEveryoneButItsAuthor() {
        reports.report("ben", moment("spam"));
        reports.report("ben", moment("spam"));
        reports.report("cy", moment("nudity"));
        assertTrue(world.sees("dee", MOMENT), "two distinct reporters (ben twice): not yet");
        assertFalse(world.moments.get(MOMENT).hidden());

        reports.report("dee", moment("nudity"));
        assertTrue(world.moments.get(MOMENT).hidden());
        assertFalse(world.sees("fay", MOMENT), "a member nobody asked");
        assertFalse(world.sees("gil", MOMENT), "even the author's friend");
        assertTrue(world.sees("ana", MOMENT), "its author still sees it");
        Case reported = world.reports.caseOf(Target.moment(MOMENT)).orElseThrow();
        assertEquals(3, reported.reporters());
        assertEquals(java.util.Set.of("spam", "nudity"), reported.reasons());
        assertTrue(reported.hidden());
    }

    @Test
    void aCommentIsHiddenTheSameWay() {
        NewReport comment = new NewReport("comment", COMMENT, MOMENT, "harassment", null);
        reports.report("cy", comment);
        reports.report("dee", comment);
        reports.report("ana", comment);
        assertTrue(world.interactions.comment(MOMENT, COMMENT).orElseThrow().hidden());
    }

    @Test
    void aReportFloodIsThrottled() {
        Quotas quotas = Quotas.configured(new InMemoryQuotaCounter(), Map.of("QUOTA_REPORTS", "2/1d")::get, world.clock);
        ReportService limited = world.reportService(quotas, 3);
        limited.report("ben", moment("spam"));
        limited.report("ben", new NewReport("user", "ana", null, "spam", null));
        assertEquals(Problem.Kind.THROTTLED, refused(() -> limited.report("ben",
                new NewReport("user", "cy", null, "spam", null))).kind());
        assertEquals(200, limited.report("ben", moment("spam")).created() ? 201 : 200,
                "the report already filed still answers (no quota spent)");
    }
}
