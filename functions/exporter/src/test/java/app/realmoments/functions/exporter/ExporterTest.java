package app.realmoments.functions.exporter;

import static app.realmoments.events.TestEvents.failures;
import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import app.realmoments.export.Export;
import app.realmoments.export.ExportBuilder;
import app.realmoments.export.ExportStatus;
import app.realmoments.export.ExportSources;
import app.realmoments.http.TestContext;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryExportArchives;
import app.realmoments.testing.InMemoryExportStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMembershipStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryNotificationSettingsStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryUserInteractions;
import app.realmoments.testing.RecordingNotificationQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** events/export-job-sqs.json as Lambda hands it over: Maya's export built once, however often it arrives. */
class ExporterTest {

    private static final String MAYA = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    private static final String EXPORT = "01M8KR2V6X0B4Q9Y7T3N5D1HZC";
    private static final String JOB = Events.read("export-job-sqs.json");

    private final InMemoryExportStore exports = new InMemoryExportStore();
    private final InMemoryExportArchives archives = new InMemoryExportArchives();
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final Exporter handler = new Exporter(new ExportBuilder(exports, archives, new ExportSources(
            profiles, new InMemoryMembershipStore(profiles), graph, graph, new InMemoryMomentStore(), new InMemoryUserInteractions(),
            new InMemoryInbox(), new InMemoryDeviceStore(), new InMemoryNotificationSettingsStore(),
            new InMemoryMediaStore()), queue, Clock.systemUTC()));

    @Test
    void theJobBuildsTheArchiveOnceAndNotifiesWithOneId() {
        exports.create(Export.requested(MAYA, EXPORT, Instant.now()));
        assertEquals(List.of(), failures(invoke(handler, JOB, new TestContext("r1"))));
        assertEquals(List.of(), failures(invoke(handler, JOB, new TestContext("r2"))));

        assertNotNull(archives.archive(MAYA, EXPORT));
        assertEquals(1, archives.writes.get());
        assertEquals(ExportStatus.READY, exports.find(MAYA, EXPORT).orElseThrow().status());
        assertEquals(NotificationType.EXPORT_READY, queue.sent.getFirst().type());
        assertEquals(1, queue.sent.stream().map(j -> j.notificationId()).distinct().count());
    }

    @Test
    void aPoisonMessageIsReportedAlone() {
        String poison = JOB.replace("\\\"userId\\\"", "\\\"user\\\"").replace("\"body\": \"{", "\"body\": \"[{");
        assertEquals(List.of("5d0c8e61-2b7a-4f0e-9c43-8a1f6e2d7b90"), failures(invoke(handler, poison, new TestContext("r3"))));
    }
}
