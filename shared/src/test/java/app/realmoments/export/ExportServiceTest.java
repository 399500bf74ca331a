package app.realmoments.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.InMemoryExportArchives;
import app.realmoments.testing.InMemoryExportStore;
import app.realmoments.testing.InMemoryQuotaCounter;
import app.realmoments.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ExportServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryExportStore exports = new InMemoryExportStore();
    private final InMemoryExportArchives archives = new InMemoryExportArchives();
    private final List<ExportJob> queued = new CopyOnWriteArrayList<>();
    private final Quotas quotas = new Quotas(new InMemoryQuotaCounter(),
            Map.of(Quotas.Rate.EXPORTS, new Quotas.Window(2, Duration.ofDays(1))), Map.of(), clock);
    private final ExportService service = new ExportService(exports, queued::add, archives, quotas, new Ids(), clock);

    @Test
    void anExportStartsPreparingAndQueuesItsJob() {
        ExportService.ExportView started = service.start("ana");
        assertEquals(ExportStatus.PREPARING, started.status());
        assertNull(started.url());
        assertEquals(List.of(new ExportJob("ana", started.exportId())), queued);
        Export stored = exports.find("ana", started.exportId()).orElseThrow();
        assertEquals(NOW.plus(Duration.ofDays(7)), stored.expiresAt());
        assertEquals(ExportStatus.PREPARING, service.status("ana", started.exportId()).status());
    }

    @Test
    void aReadyExportAnswersAFreshShortLivedUrlAndWhenItGoes() {
        String id = service.start("ana").exportId();
        exports.markReady("ana", id, NOW.plusSeconds(30));
        ExportService.ExportView ready = service.status("ana", id);
        assertEquals(ExportStatus.READY, ready.status());
        assertTrue(ready.url().contains("ana/" + id + ".zip?ttl=900"), ready.url());
        assertEquals("2026-12-09T12:00:00Z", ready.expiresAt());

        clock.set(NOW.plus(Duration.ofDays(7)).minusSeconds(60));
        assertTrue(service.status("ana", id).url().endsWith("ttl=61"), "a URL never outlives its export");
    }

    @Test
    void anotherUsersMalformedMissingAndExpiredExportsAreAllNotFound() {
        String id = service.start("ana").exportId();
        for (String[] ask : new String[][] {{"ben", id}, {"ana", "not-an-id"}, {"ana", new Ids().next(NOW)}}) {
            Problem problem = assertThrows(Problem.class, () -> service.status(ask[0], ask[1]));
            assertEquals(Problem.Kind.NOT_FOUND, problem.kind());
        }
        clock.set(NOW.plus(Duration.ofDays(7)));
        assertEquals(Problem.Kind.NOT_FOUND, assertThrows(Problem.class, () -> service.status("ana", id)).kind());
    }

    @Test
    void pastTheQuotaA429() {
        service.start("ana");
        service.start("ana");
        Problem problem = assertThrows(Problem.class, () -> service.start("ana"));
        assertEquals(Problem.Kind.THROTTLED, problem.kind());
        assertTrue(problem.retryAfterSeconds() > 0);
        assertEquals(2, queued.size());
        service.start("ben");
    }

    @Test
    void anExportWhoseJobCouldNotBeQueuedIsTakenBack() {
        ExportService failing = new ExportService(exports, job -> {
            throw new IllegalStateException("queue down");
        }, archives, quotas, new Ids(), clock);
        assertThrows(IllegalStateException.class, () -> failing.start("ana"));
        assertTrue(exports.exports.isEmpty());
    }
}
