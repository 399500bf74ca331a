package app.realmoments.report;

import static app.realmoments.report.ReportWorld.COMMENT;
import static app.realmoments.report.ReportWorld.MOMENT;
import static app.realmoments.report.ReportWorld.moment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.account.ClosedAccounts;
import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Page;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModerationServiceTest {

    private final ReportWorld world = new ReportWorld();
    private final ReportService reports = world.reportService();
    private final ModerationService moderation = world.moderation();

    private String reportedByThree() {
        String first = reports.report("ben", moment("nudity")).reportId();
        reports.report("cy", moment("nudity"));
        reports.report("dee", moment("spam"));
        return first;
    }

    private ModerationService.ResolutionView resolve(String reportId, String action) {
        return moderation.resolve("mod", reportId, new ModerationService.NewResolution(action, "checked"));
    }

    @Test
    void theQueueListsOpenCasesOldestFirstWithTheContentAndItsImages() {
        String user = reports.report("fay", new NewReport("user", "ana", null, "harassment", null)).reportId();
        world.clock.set(ReportWorld.NOW.plusSeconds(60));
        String moment = reportedByThree();
        Page<ModerationService.QueueItem> page = moderation.queue(20, null);
        assertEquals(List.of(user, moment), page.items().stream().map(ModerationService.QueueItem::reportId).toList());
        ModerationService.QueueItem item = page.items().get(1);
        assertEquals(3, item.reporters());
        assertEquals(List.of("nudity", "spam"), item.reasons());
        assertTrue(item.hidden());
        assertEquals("ana", item.authorId());
        assertEquals("sunset", item.moment().caption());
        assertEquals(2, item.moment().images().size(), "the images as short-lived URLs, thumbnails too");
        assertTrue(item.moment().images().getFirst().thumbnailUrl().contains("-thumb"));
        assertEquals("ana", page.items().getFirst().user().userId());
        world.clock.set(ReportWorld.NOW.plusSeconds(90));
        assertEquals(Duration.ofSeconds(90), new QueueAge(world.reports, world.clock).oldestOpen(), "the oldest open case");
        resolve(user, "dismiss");
        assertEquals(Duration.ofSeconds(30), new QueueAge(world.reports, world.clock).oldestOpen());
    }

    @Test
    void removeDeletesTheMomentWithItsImagesNotifiesTheAuthorAndIsAuditedOnce() {
        String reportId = reportedByThree();
        ModerationService.ResolutionView removed = resolve(reportId, "remove");
        assertEquals("remove", removed.action());
        assertTrue(world.moments.find(MOMENT).isEmpty());
        assertTrue(world.media.deleted.contains("media/" + MOMENT + "/back.jpg"), world.media.deleted.toString());
        assertTrue(world.media.deleted.contains("media/" + MOMENT + "/back-thumb.jpg"));
        assertEquals(NotificationType.MOMENT_REMOVED, world.queue.sent.getLast().type());
        assertEquals("ana", world.queue.sent.getLast().recipientId());
        assertEquals(1, world.reports.audit.size());
        assertTrue(moderation.queue(20, null).items().isEmpty(), "closed");

        ModerationService.ResolutionView again = resolve(reportId, "dismiss");
        assertEquals(removed, again, "acting twice answers the resolution that stands");
        assertEquals(1, world.reports.audit.size(), "one audit entry");
        assertEquals(1, moderation.audit(20, null).items().size());
    }

    @Test
    void twoModeratorsAtOnceLeaveOneAuditEntry() {
        String reportId = reportedByThree();
        world.reports.beforeNextResolve = () -> resolve(reportId, "remove");
        ModerationService.ResolutionView second = resolve(reportId, "remove");
        assertEquals(1, world.reports.audit.size());
        assertEquals(world.reports.audit.getFirst().auditId(), second.auditId());
        assertTrue(world.moments.find(MOMENT).isEmpty());
    }

    @Test
    void dismissShowsTheTargetAgainAndClosesItsReports() {
        String reportId = reportedByThree();
        assertFalse(world.sees("fay", MOMENT));
        resolve(reportId, "dismiss");
        assertTrue(world.sees("fay", MOMENT), "shown again to those who did not report it");
        assertFalse(world.sees("ben", MOMENT), "a reporter's own hide stays");
        assertFalse(world.reports.caseOf(Target.moment(MOMENT)).orElseThrow().open());
        assertEquals("dismiss", moderation.audit(20, null).items().getFirst().action());
    }

    @Test
    void dismissingWhatScreeningHeldReleasesTheMoment() {
        world.moments.moments.computeIfPresent(MOMENT, (id, m) -> new app.realmoments.moment.Moment(m.momentId(),
                m.authorId(), m.caption(), m.audience(), m.campusId(), app.realmoments.moment.MomentStatus.PENDING, null,
                m.createdAt(), null, null, m.images(), m.reactionCounts(), 0, app.realmoments.moment.Moment.Review.HELD));
        new HeldReports(world.reports, new Ids(), world.clock).hold(
                new HeldForReview.Held("moment", MOMENT, MOMENT, "ana", "back image: Explicit Nudity (97.1)"));
        ModerationService.QueueItem held = moderation.queue(20, null).items().getFirst();
        assertEquals("back image: Explicit Nudity (97.1)", held.held());
        assertEquals(0, held.reporters(), "screening is no person");
        assertEquals(2, held.moment().images().size(), "a pending moment's ready images are shown to the moderator");
        resolve(held.reportId(), "dismiss");
        assertEquals(List.of(MOMENT), world.released);
    }

    @Test
    void suspendDisablesTheAccountAndHidesAllTheirContent() {
        String reportId = reports.report("ben", new NewReport("user", "ana", null, "harassment", null)).reportId();
        resolve(reportId, "suspend_author");
        assertEquals(List.of("ana"), world.disabled);
        assertEquals(Set.of("ana"), world.closed.users());
        assertEquals(world.clock.instant().plusSeconds(3600), world.closed.until("ana"),
                "the tokens issued before are refused for as long as one can live");
        assertEquals(ClosedAccounts.State.SUSPENDED, world.closed.stateOf("ana"));
        assertFalse(world.sees("gil", MOMENT), "hidden from the author's friend");
        assertTrue(world.sees("ana", MOMENT));
        assertTrue(world.profiles.find("ana").orElseThrow().hidden());
        world.flags.show(Target.user("ana"));
        assertTrue(world.profiles.find("ana").orElseThrow().hidden(), "a suspended person stays hidden");
    }

    @Test
    void removeOfACommentGoesThroughTheCommentDeletePath() {
        String reportId = reports.report("cy", new NewReport("comment", COMMENT, MOMENT, "harassment", null)).reportId();
        resolve(reportId, "remove");
        assertTrue(world.interactions.comment(MOMENT, COMMENT).isEmpty());
        assertEquals(0, world.moments.get(MOMENT).commentCount());
    }

    @Test
    void actingOnContentAlreadyDeletedIsNoError() {
        String reportId = reportedByThree();
        world.moments.delete(MOMENT);
        assertTrue(moderation.queue(20, null).items().getFirst().contentGone());
        assertEquals("remove", resolve(reportId, "remove").action());
        assertEquals(1, world.reports.audit.size());
    }

    @Test
    void badResolutionsAre4xx() {
        String reportId = reports.report("ben", new NewReport("user", "ana", null, "spam", null)).reportId();
        Problem unknown = assertThrows(Problem.class, () -> resolve(reportId, "ban"));
        assertEquals("action", unknown.field());
        Problem userRemove = assertThrows(Problem.class, () -> resolve(reportId, "remove"));
        assertEquals("action", userRemove.field());
        assertEquals(Problem.Kind.NOT_FOUND, assertThrows(Problem.class,
                () -> resolve("01JD8X9Z9Z9Z9Z9Z9Z9Z9Z9Z9Z", "dismiss")).kind());
        assertEquals(Problem.Kind.NOT_FOUND, assertThrows(Problem.class, () -> resolve("nope", "dismiss")).kind());
        assertEquals(Problem.Kind.INVALID, assertThrows(Problem.class,
                () -> moderation.resolve("mod", reportId, null)).kind());
        assertNotNull(world.reports.caseOf(Target.user("ana")).orElseThrow());
        assertTrue(world.reports.audit.isEmpty());
    }
}
