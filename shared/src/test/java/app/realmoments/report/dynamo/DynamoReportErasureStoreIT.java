package app.realmoments.report.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.id.Ids;
import app.realmoments.report.Case;
import app.realmoments.report.Reason;
import app.realmoments.report.Report;
import app.realmoments.report.ReportErasure;
import app.realmoments.report.Resolution;
import app.realmoments.report.Target;
import app.realmoments.report.TargetType;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The erasure's moderation part against the emulator with template.yaml's tables and indexes: Zoe filed
 * reports (one of a case others reported too, one alone) and is reported (herself, twice and resolved once,
 * and her moment); after the part no item of either table names her outside her own partition (which the
 * walk deletes next), the cases against her are still in the queue and the audit log, and a second run finds
 * nothing to do.
 */
class DynamoReportErasureStoreIT {

    private final DynamoDbClient dynamo = LocalAws.shared().dynamo();
    private final String users = LocalAws.shared().table("UsersTable");
    private final String moderation = LocalAws.shared().table("ModerationTable");
    private final DynamoReportStore reports = new DynamoReportStore(dynamo, moderation, users);
    private final ReportErasure erasure = new ReportErasure(new DynamoReportErasureStore(dynamo, moderation, users),
            new Ids(), Clock.systemUTC());
    private final Ids ids = new Ids();
    private final Instant at = Instant.parse("2026-12-01T10:00:00Z");

    private Report file(String reporter, Target target, Reason reason, int second, String author) {
        Report report = new Report(ids.next(at.plusSeconds(second)), reporter, target, reason, "a note", at.plusSeconds(second));
        assertTrue(reports.file(report, author, null));
        return report;
    }

    private List<Map<String, AttributeValue>> itemsNaming(String table, String text) {
        List<Map<String, AttributeValue>> hits = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table)).items().forEach(item -> {
            if (item.toString().contains(text) && !item.get("pk").s().equals("USER#" + text)) {
                hits.add(item);
            }
        });
        return hits;
    }

    @Test
    void whatSheFiledGoesAndWhatIsAgainstHerStaysWithoutHer() {
        String zoe = UUID.randomUUID().toString();
        String ana = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        Target anasMoment = Target.moment(ids.next(at));
        Target bensComment = Target.comment(ids.next(at), ids.next(at));
        Target zoesMoment = Target.moment(ids.next(at));
        Target zoeHerself = Target.user(zoe);
        file(zoe, anasMoment, Reason.SPAM, 1, ana);
        Report bens = file(ben, anasMoment, Reason.HATE, 2, ana);
        file(zoe, bensComment, Reason.HARASSMENT, 3, ben);
        Report anasOfZoe = file(ana, zoeHerself, Reason.HARASSMENT, 4, zoe);
        long round = reports.caseOf(zoeHerself).orElseThrow().round();
        Resolution dismissed = new Resolution(ids.next(at.plusSeconds(5)), anasOfZoe.reportId(), zoeHerself,
                Resolution.Action.DISMISS, "moderator-1", null, at.plusSeconds(5));
        assertTrue(reports.resolve(dismissed, round));
        file(ben, zoeHerself, Reason.SPAM, 6, zoe);
        file(ana, zoesMoment, Reason.NUDITY, 7, zoe);

        assertTrue(erasure.erase(zoe) > 0);

        assertEquals(List.of(), itemsNaming(moderation, zoe), "the moderation table");
        assertEquals(List.of(), itemsNaming(users, zoe), "others' edges and lists");
        assertEquals(List.of(), itemsNaming(users, zoesMoment.id()), "the edges pointing at her (gone) moment");
        Case anas = reports.caseOf(anasMoment).orElseThrow();
        assertEquals(1, anas.reporters());
        assertEquals(Set.of("hate"), anas.reasons());
        assertEquals(bens.reportId(), anas.firstReportId());
        assertEquals(bens.createdAt(), anas.openedAt());
        assertFalse(reports.caseOf(bensComment).orElseThrow().open(), "no report left: closed");
        assertNull(reports.caseOf(zoesMoment).orElseThrow().authorId());
        assertTrue(reports.caseOf(zoesMoment).orElseThrow().open());
        assertTrue(reports.caseOf(zoeHerself).isEmpty(), "her case left its key");

        Report kept = reports.report(anasOfZoe.reportId()).orElseThrow();
        String placeholder = kept.target().id();
        assertTrue(placeholder.startsWith(ReportErasure.PLACEHOLDER_PREFIX), placeholder);
        Case moved = reports.caseOf(Target.user(placeholder)).orElseThrow();
        assertTrue(moved.open(), "Ben's later report keeps it in the queue");
        assertEquals(1, moved.reporters());
        assertEquals(TargetType.USER, moved.target().type());
        assertNull(moved.authorId());
        assertEquals(placeholder, reports.audit(100, null).items().stream()
                .filter(r -> r.auditId().equals(dismissed.auditId())).findFirst().orElseThrow().target().id());
        // Ana's list had only refs naming Zoe: its set is gone (DynamoDB drops an emptied set)
        assertNull(dynamo.getItem(r -> r.tableName(users).key(DynamoSocialGraph.reportsKey(ana))).item().get("refs"));

        assertEquals(0, erasure.erase(zoe), "a second run finds nothing");
    }

    @Test
    void aModeratorsEntriesAndTheirCasesLastNameAPlaceholder() {
        String mod = UUID.randomUUID().toString();
        Target moment = Target.moment(ids.next(at));
        Report report = file(UUID.randomUUID().toString(), moment, Reason.SPAM, 1, "someone");
        Resolution dismissed = new Resolution(ids.next(at.plusSeconds(2)), report.reportId(), moment,
                Resolution.Action.DISMISS, mod, null, at.plusSeconds(2));
        assertTrue(reports.resolve(dismissed, reports.caseOf(moment).orElseThrow().round()));

        assertEquals(1, erasure.erase(mod));

        assertEquals(List.of(), itemsNaming(moderation, mod));
        String placeholder = reports.caseOf(moment).orElseThrow().last().moderatorId();
        assertTrue(placeholder.startsWith(ReportErasure.PLACEHOLDER_PREFIX), placeholder);
        assertEquals(placeholder, reports.audit(100, null).items().stream()
                .filter(r -> r.auditId().equals(dismissed.auditId())).findFirst().orElseThrow().moderatorId());
        assertEquals(0, erasure.erase(mod));
    }
}
