package app.realmoments.report.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.id.Ids;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.report.Case;
import app.realmoments.report.Reason;
import app.realmoments.report.Report;
import app.realmoments.report.ReportStore;
import app.realmoments.report.Resolution;
import app.realmoments.report.Target;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The report store against the emulator with template.yaml's tables: one edge per reporter and target,
 * the case counted once per person, the queue oldest first from the sparse index, a resolution written
 * once with its one audit entry, and what the social graph then reads back for the visibility rule.
 */
class DynamoReportStoreIT {

    private final DynamoDbClient dynamo = LocalAws.shared().dynamo();
    private final String users = LocalAws.shared().table("UsersTable");
    private final String moderation = LocalAws.shared().table("ModerationTable");
    private final DynamoReportStore store = new DynamoReportStore(dynamo, moderation, users);
    private final DynamoSocialGraph graph = new DynamoSocialGraph(dynamo, users);
    private final Ids ids = new Ids();

    private Report report(String reporter, Target target, Reason reason, Instant at) {
        return new Report(ids.next(at), reporter, target, reason, "a note", at);
    }

    @Test
    void aReporterFilesOncePerTargetAndTheirStandingSaysWhatTheyReported() {
        String ben = UUID.randomUUID().toString();
        String ana = UUID.randomUUID().toString();
        Target moment = Target.moment(ids.next(Instant.now()));
        Instant at = Instant.parse("2026-11-29T12:00:00Z");
        Report first = report(ben, moment, Reason.SPAM, at);
        assertTrue(store.file(first, ana, null));
        assertFalse(store.file(report(ben, moment, Reason.HATE, at.plusSeconds(1)), ana, null), "a second edge: nothing");
        assertEquals(first.reportId(), store.reportIdOf(ben, moment).orElseThrow());
        assertEquals("a note", store.report(first.reportId()).orElseThrow().note());

        Case filed = store.caseOf(moment).orElseThrow();
        assertEquals(1, filed.reporters());
        assertEquals(Set.of("spam"), filed.reasons());
        assertEquals(ana, filed.authorId());
        assertEquals(first.reportId(), filed.firstReportId());
        assertTrue(filed.open());

        store.file(report(ben, Target.user(ana), Reason.HARASSMENT, at), ana, null);
        SocialGraph.Standing standing = graph.standingWith(ben, List.of(ana), List.of(moment.ref()));
        assertTrue(standing.reported("moment", moment.id()));
        assertTrue(standing.hides(ana), "the reported user, one way");
        assertFalse(graph.standingWith(ana, List.of(ben), List.of()).hides(ben));
        assertTrue(graph.relation(ben, ana).reported());
        assertFalse(standing.blocked().contains(ana));
    }

    @Test
    void distinctReportersAtOnceAreEachCountedOnce() throws Exception {
        Target moment = Target.moment(ids.next(Instant.now()));
        String author = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Boolean>> filed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String reporter = UUID.randomUUID().toString();
            filed.add(pool.submit(() -> store.file(report(reporter, moment, Reason.SPAM, Instant.now()), author, null)));
        }
        for (Future<Boolean> f : filed) {
            assertTrue(f.get());
        }
        pool.shutdown();
        assertEquals(6, store.caseOf(moment).orElseThrow().reporters());
    }

    @Test
    void aResolutionIsWrittenOnceAndTheCaseLeavesTheQueue() {
        Instant at = Instant.parse("2020-01-01T00:00:00Z"); // older than anything other tests leave open
        Target older = Target.moment(ids.next(at));
        Target newer = Target.comment(older.id(), ids.next(at.plusSeconds(5)));
        Report first = report(UUID.randomUUID().toString(), older, Reason.NUDITY, at);
        store.file(first, "author", null);
        store.file(new Report(ids.next(at.plusSeconds(5)), Report.SYSTEM, newer, Reason.OTHER, null, at.plusSeconds(5)),
                "author", "word list");
        ReportStore.Slice<Case> queue = store.open(1, null);
        assertEquals(older, queue.items().getFirst().target(), "oldest first");
        assertEquals(newer, store.open(1, queue.next()).items().getFirst().target(), "the next page");
        Case held = store.caseOf(newer).orElseThrow();
        assertEquals("word list", held.held());
        assertEquals(0, held.reporters(), "screening counts as no reporter");
        assertEquals(at, store.oldestOpen().orElseThrow());

        Case open = store.caseOf(older).orElseThrow();
        Resolution removed = new Resolution(ids.next(Instant.now()), first.reportId(), older, Resolution.Action.REMOVE,
                "mod", "gone", Instant.now());
        assertTrue(store.resolve(removed, open.round()));
        assertFalse(store.resolve(new Resolution(ids.next(Instant.now()), first.reportId(), older,
                Resolution.Action.DISMISS, "mod2", null, Instant.now()), open.round()), "the same round again: nothing");
        Case closed = store.caseOf(older).orElseThrow();
        assertFalse(closed.open());
        assertEquals(removed.auditId(), closed.last().auditId());
        assertEquals(Resolution.Action.REMOVE, closed.last().action());
        assertTrue(store.open(50, null).items().stream().noneMatch(c -> c.target().equals(older)));
        long entries = store.audit(50, null).items().stream().filter(r -> r.reportId().equals(first.reportId())).count();
        assertEquals(1, entries, "one audit entry");
        assertEquals(older, store.audit(50, null).items().stream().filter(r -> r.auditId().equals(removed.auditId()))
                .findFirst().orElseThrow().target());

        store.file(report(UUID.randomUUID().toString(), older, Reason.SPAM, Instant.now()), "author", null);
        Case reopened = store.caseOf(older).orElseThrow();
        assertTrue(reopened.open(), "a new reporter opens it again");
        assertEquals(1, reopened.reporters());
        assertEquals(1, reopened.round());
    }

    @Test
    void flagsHideAndShowTheContentWhereItsReadsFindThem() {
        String moments = LocalAws.shared().table("MomentsTable");
        String interactions = LocalAws.shared().table("InteractionsTable");
        DynamoContentFlags flags = new DynamoContentFlags(dynamo, users, moments, interactions,
                Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));
        DynamoMomentStore momentStore = new DynamoMomentStore(dynamo, moments, users);
        DynamoProfileStore profiles = new DynamoProfileStore(dynamo, users);
        Instant now = Instant.now();
        String author = UUID.randomUUID().toString();
        String momentId = ids.next(now);
        momentStore.create(new Moment(momentId, author, null, Audience.FRIENDS, null, MomentStatus.PENDING, null, now,
                null, null, Map.of(ImageRole.BACK, MomentImage.declared(ImageRole.BACK, "image/jpeg", 10))), now.plusSeconds(60));
        profiles.save(new Profile(author, "h" + author.substring(0, 8), "Author", null, now, now, null), null);

        flags.hide(Target.moment(momentId));
        assertTrue(momentStore.find(momentId).orElseThrow().hidden());
        flags.show(Target.moment(momentId));
        assertFalse(momentStore.find(momentId).orElseThrow().hidden());

        flags.suspend(author);
        assertTrue(profiles.find(author).orElseThrow().hidden());
        flags.show(Target.user(author));
        assertTrue(profiles.find(author).orElseThrow().hidden(), "a suspended person stays hidden");

        flags.hide(Target.moment(ids.next(now)));
        flags.hide(Target.comment(momentId, ids.next(now)));
        assertTrue(dynamo.getItem(r -> r.tableName(interactions).key(app.realmoments.aws.Attrs.key(
                "MOMENT#" + momentId, "COMMENT#x"))).item().isEmpty(), "flags never create what is gone");
    }
}
