package app.realmoments.export;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.quota.Quotas;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /me/export} and {@code GET /me/export/{exportId}}: asking for a copy of one's data, and
 * fetching it when it is ready. An export is found only in its caller's own partition, so another user's
 * id, a malformed one, a missing one and an expired one all answer the same 404.
 */
public final class ExportService {

    /** How long a download URL works; a fresh one is signed on every GET. */
    static final Duration URL_TTL = Duration.ofMinutes(15);

    private final ExportStore exports;
    private final ExportJobs jobs;
    private final ExportArchives archives;
    private final Quotas quotas;
    private final Ids ids;
    private final Clock clock;

    public ExportService(ExportStore exports, ExportJobs jobs, ExportArchives archives, Quotas quotas, Ids ids,
                         Clock clock) {
        this.exports = exports;
        this.jobs = jobs;
        this.archives = archives;
        this.quotas = quotas;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the API answers about an export; {@code url} and {@code expiresAt} only once it is ready. */
    public record ExportView(String exportId, ExportStatus status, String url, String expiresAt) {
    }

    public ExportView start(String caller) {
        quotas.take(caller, Quotas.Rate.EXPORTS);
        Instant now = clock.instant();
        Export export = Export.requested(caller, ids.next(now), now);
        exports.create(export);
        try {
            jobs.send(new ExportJob(caller, export.exportId()));
        } catch (RuntimeException notQueued) {
            // no job will ever build it: take the item back rather than leave it "preparing" for a week
            exports.delete(caller, export.exportId());
            throw notQueued;
        }
        return new ExportView(export.exportId(), export.status(), null, null);
    }

    public ExportView status(String caller, String exportId) {
        Export export = (Ids.isWellFormed(exportId) ? exports.find(caller, exportId) : java.util.Optional.<Export>empty())
                .filter(e -> !e.expired(clock.instant()))
                .orElseThrow(() -> Problem.notFound("export"));
        if (export.status() != ExportStatus.READY) {
            return new ExportView(export.exportId(), export.status(), null, null);
        }
        // a URL never outlives the export it downloads
        Duration ttl = Duration.between(clock.instant(), export.expiresAt());
        ttl = ttl.compareTo(URL_TTL) < 0 ? ttl.plusSeconds(1) : URL_TTL;
        return new ExportView(export.exportId(), export.status(),
                archives.presignDownload(caller, exportId, ttl), Times.iso(export.expiresAt()));
    }
}
