package app.realmoments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.id.Ids;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Moderation's part of the erasure on an in-memory store: the reports the user filed go with their cases
 * corrected, the reports against the user stay without naming them, a second run changes nothing, and a run
 * that fails at any write is finished by the next.
 */
class ReportErasureTest {

    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");
    private static final String ZOE = "zoe-0000-user";
    private static final String ANA = "ana-0000-user";
    private static final String BEN = "ben-0000-user";
    private static final Target ANAS_MOMENT = Target.moment("01JD8X3Q6Z7V9K2M4N5P6R7S8T");
    private static final Target BENS_COMMENT = Target.comment("01JD8X3Q6Z7V9K2M4N5P6R7S8V", "01JD8X4A1B2C3D4E5F6G7H8J9K");
    private static final Target ZOES_MOMENT = Target.moment("01JD8X3Q6Z7V9K2M4N5P6R7S8W");

    private final InMemoryReportErasureStore store = new InMemoryReportErasureStore();
    private final ReportErasure erasure = new ReportErasure(store, new Ids(), Clock.fixed(T, ZoneOffset.UTC));

    private static Report report(String id, String reporter, Target target, Reason reason, int minute) {
        return new Report(id, reporter, target, reason, null, T.plusSeconds(60L * minute));
    }

    /** Zoe reported Ana's moment (first, with Ben) and Ben's comment (alone); Ana and Ben reported Zoe and her moment. */
    private void world() {
        world(store);
    }

    /** What the walk's USER_PARTITION step does after the part: Zoe's own edges and list go. */
    private void partitionGoes() {
        store.edges.remove(ZOE);
        store.lists.remove(ZOE);
    }

    @Test
    void theReportsSheFiledGoAndTheirCasesCountTheRestOnly() {
        world();
        erasure.erase(ZOE);

        assertFalse(store.reports.containsKey("R1"));
        assertFalse(store.reports.containsKey("R3"));
        Case moment = store.caseOf(ANAS_MOMENT).orElseThrow();
        assertTrue(moment.open());
        assertEquals(1, moment.reporters());
        assertEquals(Set.of("hate"), moment.reasons());
        assertEquals("R2", moment.firstReportId(), "the queue lists it by a report that exists");
        assertEquals(T.plusSeconds(120), moment.openedAt());
        Case comment = store.caseOf(BENS_COMMENT).orElseThrow();
        assertFalse(comment.open(), "nobody's report is left: closed, nothing to review");
    }

    @Test
    void theReportsAgainstHerStayForTheAuditWithoutHerId() {
        world();
        erasure.erase(ZOE);
        partitionGoes();

        assertFalse(store.dump().contains(ZOE), store.dump());
        Case moment = store.caseOf(ZOES_MOMENT).orElseThrow();
        assertTrue(moment.open(), "the case of her moment stays in the queue");
        assertNull(moment.authorId());
        Case user = store.cases.values().stream().filter(c -> c.target().type() == TargetType.USER).findFirst().orElseThrow();
        String placeholder = user.target().id();
        assertTrue(placeholder.startsWith(ReportErasure.PLACEHOLDER_PREFIX), placeholder);
        assertEquals(placeholder, store.reports.get("R4").target().id());
        assertEquals(placeholder, store.reports.get("R5").target().id());
        assertEquals(placeholder, store.audit.get("A1").id());
        assertFalse(store.edges.get(ANA).containsKey(Target.user(ZOE).ref()), "Ana's edge naming her goes");
        assertFalse(store.lists.get(BEN).contains(Target.user(ZOE).ref()), "and the ref in Ben's list");
        assertFalse(store.edges.get(ANA).containsKey(ZOES_MOMENT.ref()), "and the edge naming her gone moment");
        assertTrue(store.reports.containsKey("R6"), "while the report of it stays");
    }

    @Test
    void aHiddenCaseStaysHiddenBelowTheThresholdUntilReviewed() {
        store.file(report("R1", ZOE, ANAS_MOMENT, Reason.SPAM, 1), ANA, false);
        store.file(report("R2", BEN, ANAS_MOMENT, Reason.SPAM, 2), ANA, true);
        erasure.erase(ZOE);
        Case moment = store.caseOf(ANAS_MOMENT).orElseThrow();
        assertTrue(moment.open() && moment.hidden());
        assertEquals(1, moment.reporters());
    }

    @Test
    void aReportOfAnEarlierRoundGoesAloneAndTheOpenRoundIsUntouched() {
        store.file(report("R1", ZOE, ANAS_MOMENT, Reason.SPAM, 1), ANA, false);
        store.resolve(ANAS_MOMENT, "A1");
        store.file(report("R2", BEN, ANAS_MOMENT, Reason.HATE, 2), ANA, false);
        erasure.erase(ZOE);
        Case moment = store.caseOf(ANAS_MOMENT).orElseThrow();
        assertFalse(store.reports.containsKey("R1"));
        assertEquals(1, moment.reporters());
        assertEquals("R2", moment.firstReportId());
    }

    @Test
    void aReportTheIndexShowedLateLosesHerIdOnTheSweep() {
        world();
        erasure.erase(ZOE);
        // as if ByTarget had not shown R7 to the first run, which moved her case meanwhile
        store.reports.put("R7", report("R7", ANA, Target.user(ZOE), Reason.OTHER, 8));
        store.edges.get(ANA).put(Target.user(ZOE).ref(), "R7");
        assertEquals(1, erasure.erase(ZOE));
        partitionGoes();
        assertFalse(store.dump().contains(ZOE), store.dump());
    }

    @Test
    void aModeratorsActionsStayInTheLogByAPlaceholderModerator() {
        store.file(report("R1", BEN, ANAS_MOMENT, Reason.SPAM, 1), ANA, false);
        store.resolve(ANAS_MOMENT, "A1", ZOE);
        erasure.erase(ZOE);
        assertFalse(store.dump().contains(ZOE), store.dump());
        assertTrue(store.moderators.get("A1").startsWith(ReportErasure.PLACEHOLDER_PREFIX));
        assertEquals("A1/" + store.moderators.get("A1"), store.lastModerator.get(ANAS_MOMENT.ref()));
        assertEquals(0, erasure.erase(ZOE));
    }

    @Test
    void aSecondRunChangesNothing() {
        world();
        assertTrue(erasure.erase(ZOE) > 0);
        String after = store.dump();
        int writes = store.writes;
        assertEquals(0, erasure.erase(ZOE));
        assertEquals(writes, store.writes, "no write at all");
        assertEquals(after, store.dump());
    }

    @Test
    void aRunThatFailsAtAnyWriteIsFinishedByTheNext() {
        world();
        erasure.erase(ZOE);
        int writes = store.writes;
        for (int failAt = 1; failAt <= writes; failAt++) {
            InMemoryReportErasureStore faulty = new InMemoryReportErasureStore();
            ReportErasure resumed = new ReportErasure(faulty, new Ids(), Clock.fixed(T, ZoneOffset.UTC));
            world(faulty);
            faulty.failAtWrite = failAt;
            assertThrows(IllegalStateException.class, () -> resumed.erase(ZOE), "write " + failAt);
            resumed.erase(ZOE);
            faulty.edges.remove(ZOE);
            faulty.lists.remove(ZOE);
            assertFalse(faulty.dump().contains(ZOE), "failing at write " + failAt + ": " + faulty.dump());
            assertEquals(1, faulty.cases.values().stream().filter(c -> c.target().type() == TargetType.USER).count());
            String placeholder = faulty.cases.values().stream().filter(c -> c.target().type() == TargetType.USER)
                    .findFirst().orElseThrow().target().id();
            assertEquals(List.of(placeholder, placeholder, placeholder), List.of(faulty.reports.get("R4").target().id(),
                    faulty.reports.get("R5").target().id(), faulty.audit.get("A1").id()), "one placeholder, however often resumed");
            assertEquals(1, faulty.caseOf(ANAS_MOMENT).orElseThrow().reporters());
            assertEquals(Set.of("hate"), faulty.caseOf(ANAS_MOMENT).orElseThrow().reasons());
            assertEquals(0, resumed.erase(ZOE));
        }
    }

    private static void world(InMemoryReportErasureStore into) {
        into.file(report("R1", ZOE, ANAS_MOMENT, Reason.SPAM, 1), ANA, false);
        into.file(report("R2", BEN, ANAS_MOMENT, Reason.HATE, 2), ANA, false);
        into.file(report("R3", ZOE, BENS_COMMENT, Reason.HARASSMENT, 3), BEN, false);
        into.file(report("R4", ANA, Target.user(ZOE), Reason.HARASSMENT, 4), ZOE, false);
        into.file(report("R5", BEN, Target.user(ZOE), Reason.SPAM, 5), ZOE, false);
        into.resolve(Target.user(ZOE), "A1");
        into.file(report("R6", ANA, ZOES_MOMENT, Reason.NUDITY, 6), ZOE, false);
    }
}
