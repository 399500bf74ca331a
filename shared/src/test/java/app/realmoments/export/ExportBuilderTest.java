package app.realmoments.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.SchoolEmail;
import app.realmoments.campus.Verification;
import app.realmoments.interact.Comment;
import app.realmoments.interact.Reaction;
import app.realmoments.json.Json;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.notify.Device;
import app.realmoments.notify.InboxItem;
import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.QuietHours;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.profile.Profile;
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
import app.realmoments.testing.SettableClock;
import app.realmoments.testing.Ulids;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The archive of one user's data, built from fakes of every store, and what a redelivered job does. */
class ExportBuilderTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String ANA = "ana";

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryMembershipStore membership = new InMemoryMembershipStore(profiles);
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryUserInteractions interactions = new InMemoryUserInteractions();
    private final InMemoryInbox inbox = new InMemoryInbox();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final InMemoryNotificationSettingsStore settings = new InMemoryNotificationSettingsStore();
    private final InMemoryMediaStore media = new InMemoryMediaStore();
    private final InMemoryExportStore exports = new InMemoryExportStore();
    private final InMemoryExportArchives archives = new InMemoryExportArchives();
    private final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    private final ExportBuilder builder = new ExportBuilder(exports, archives,
            new ExportSources(profiles, membership, graph, graph, moments, interactions, inbox, devices, settings, media), queue, clock);

    private final byte[] backPhoto = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, (byte) 0xFF, (byte) 0xD9};
    private String momentId;

    private Export anasExport() {
        Export export = Export.requested(ANA, Ulids.next(), NOW.minusSeconds(30));
        exports.create(export);
        return export;
    }

    private void anaHasEverything() {
        profiles.save(new Profile(ANA, "ana_b", "Ana", "north", NOW.minusSeconds(86_400), NOW, NOW.minusSeconds(3600)), null);
        profiles.save(new Profile("ben", "ben_c", "Ben", null, NOW, NOW, null), null);
        membership.start(new Verification(Ulids.next(), ANA, "north", SchoolEmail.parse("ana@north.example.edu"),
                "hmac-of-the-code", NOW.minusSeconds(3700), NOW.minusSeconds(3100), 0, NOW.minusSeconds(3600)));
        graph.friends(ANA, "ben");
        graph.block(ANA, "mallory");
        graph.block("eve", ANA);
        graph.request("zoe", ANA, NOW);
        momentId = Ulids.next();
        moments.create(new Moment(momentId, ANA, "sunset", Audience.FRIENDS, null, MomentStatus.PUBLISHED, null,
                NOW.minusSeconds(600), NOW.minusSeconds(590), null,
                Map.of(ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 7, true, 1080, 1440))), NOW);
        media.objects.put(MediaKeys.display(momentId, ImageRole.BACK), backPhoto);
        media.objects.put(MediaKeys.thumbnail(momentId, ImageRole.BACK), new byte[] {9});
        interactions.reactions.add(new Reaction("bens-moment", ANA, "🔥", NOW.minusSeconds(100)));
        interactions.reactions.add(new Reaction("bens-moment", "ben", "😂", NOW.minusSeconds(100)));
        interactions.comments.add(new Comment(Ulids.next(), "bens-moment", ANA, "so good", NOW.minusSeconds(90)));
        interactions.comments.add(new Comment(Ulids.next(), momentId, "ben", "ben's words", NOW.minusSeconds(80)));
        inbox.add(new InboxItem(ANA, Ulids.next(), NotificationType.COMMENT, "ben", momentId, null, NOW.minusSeconds(80)));
        inbox.add(new InboxItem(ANA, Ulids.next(), NotificationType.FRIEND_REQUEST, "eve", null, null, NOW.minusSeconds(5000)));
        devices.register(new Device(ANA, "dev1", PushPlatform.FCM, "hash-of-the-token", "arn:aws:sns:endpoint/secret", NOW));
        settings.save(ANA, new NotificationSettings(Set.of(NotificationType.REACTION),
                new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))));
    }

    /** The archive's entries by name. */
    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static <T> T json(Map<String, byte[]> entries, String name) {
        return (T) Json.read(new String(entries.get(name), StandardCharsets.UTF_8), Object.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theArchiveHoldsEveryKindOfTheUsersDataAndTheirImages() throws IOException {
        anaHasEverything();
        Export export = anasExport();

        assertEquals(ExportBuilder.Outcome.BUILT, builder.build(new ExportJob(ANA, export.exportId())));

        Map<String, byte[]> entries = unzip(archives.archive(ANA, export.exportId()));
        for (String file : ExportBuilder.FILES) {
            assertTrue(entries.containsKey(file), file + " in " + entries.keySet());
        }
        assertArrayEquals(backPhoto, entries.get("images/" + momentId + "/back.jpg"));
        assertFalse(entries.keySet().stream().anyMatch(name -> name.contains("thumb")), "thumbnails are copies, not data");

        Map<String, Object> profile = json(entries, "profile.json");
        assertEquals("ana_b", profile.get("handle"));
        Map<String, Object> campus = json(entries, "campus.json");
        assertEquals("north", campus.get("campusId"));
        assertEquals("ana@north.example.edu", ((Map<String, Object>) campus.get("verification")).get("email"), "her own school address");
        List<Map<String, Object>> friends = json(entries, "friends.json");
        assertEquals(List.of("ben"), friends.stream().map(f -> f.get("userId")).toList());
        assertEquals("ben_c", friends.getFirst().get("handle"));
        List<Map<String, Object>> blocks = json(entries, "blocks.json");
        assertEquals(List.of("mallory"), blocks.stream().map(b -> b.get("userId")).toList(), "only the blocks she made");
        Map<String, List<Map<String, Object>>> requests = json(entries, "friend-requests.json");
        assertEquals("zoe", requests.get("incoming").getFirst().get("userId"));
        List<Map<String, Object>> moment = json(entries, "moments.json");
        assertEquals("sunset", moment.getFirst().get("caption"));
        assertEquals("friends", moment.getFirst().get("audience"));
        assertEquals("images/" + momentId + "/back.jpg",
                ((List<Map<String, Object>>) moment.getFirst().get("images")).getFirst().get("file"));
        List<Map<String, Object>> reactions = json(entries, "reactions.json");
        assertEquals(List.of("🔥"), reactions.stream().map(r -> r.get("emoji")).toList(), "her reactions only");
        List<Map<String, Object>> comments = json(entries, "comments.json");
        assertEquals(List.of("so good"), comments.stream().map(c -> c.get("text")).toList(), "her comments only");
        List<Map<String, Object>> notifications = json(entries, "notifications.json");
        assertEquals(List.of("comment"), notifications.stream().map(n -> n.get("type")).toList(),
                "nothing that names someone blocked either way");
        Map<String, Object> notificationSettings = json(entries, "notification-settings.json");
        assertEquals(List.of("reaction"), notificationSettings.get("muted"));

        List<Map<String, Object>> phones = json(entries, "devices.json");
        assertEquals(Set.of("deviceId", "platform", "createdAt"), phones.getFirst().keySet());
        String everything = entries.values().stream().map(b -> new String(b, StandardCharsets.ISO_8859_1))
                .collect(java.util.stream.Collectors.joining("\n")); // the entries as stored, inflated
        assertTrue(everything.contains("dev1"), "the search does see the files");
        assertFalse(everything.contains("hash-of-the-token") || everything.contains("arn:aws:sns"), "no token, no endpoint");
        assertFalse(everything.contains("hmac-of-the-code"), "no code, not even its hash");
        assertFalse(everything.contains("ben's words"), "no one else's words");

        assertEquals(ExportStatus.READY, exports.find(ANA, export.exportId()).orElseThrow().status());
        NotificationJob ready = queue.sent.getFirst();
        assertEquals(NotificationType.EXPORT_READY, ready.type());
        assertEquals(ANA, ready.recipientId());
        assertEquals(export.exportId(), ready.reason());
        assertNull(ready.actorId());
    }

    @Test
    void aUserWithNothingStillGetsEveryFile() throws IOException {
        Export export = anasExport();
        builder.build(new ExportJob(ANA, export.exportId()));
        Map<String, byte[]> entries = unzip(archives.archive(ANA, export.exportId()));
        assertEquals(ExportBuilder.FILES, List.copyOf(entries.keySet()));
    }

    @Test
    void aRedeliveredJobDoesNotRebuildAndQueuesTheSameNotification() {
        anaHasEverything();
        Export export = anasExport();
        builder.build(new ExportJob(ANA, export.exportId()));
        clock.set(NOW.plusSeconds(60));

        assertEquals(ExportBuilder.Outcome.ALREADY_READY, builder.build(new ExportJob(ANA, export.exportId())));

        assertEquals(1, archives.writes.get());
        assertEquals(2, queue.sent.size());
        assertEquals(queue.sent.get(0).notificationId(), queue.sent.get(1).notificationId(),
                "the same derived id: the inbox writes it once");
    }

    @Test
    void anExportErasedWhileItWasWrittenLeavesNoArchive() {
        Export export = anasExport();
        InMemoryExportArchives racing = new InMemoryExportArchives() {
            @Override
            public void write(String userId, String exportId, Content content) {
                super.write(userId, exportId, content);
                exports.delete(userId, exportId); // the account's erasure ran meanwhile
            }
        };
        ExportBuilder erasedMidway = new ExportBuilder(exports, racing,
                new ExportSources(profiles, membership, graph, graph, moments, interactions, inbox, devices, settings, media), queue, clock);
        assertEquals(ExportBuilder.Outcome.GONE, erasedMidway.build(new ExportJob(ANA, export.exportId())));
        assertEquals(1, racing.writes.get());
        assertTrue(racing.objects.isEmpty(), "the archive written after the erasure is deleted");
        assertTrue(queue.sent.isEmpty(), "no notification");
    }

    @Test
    void anExpiredOrMissingExportIsNotBuilt() {
        Export export = anasExport();
        clock.set(export.expiresAt());
        assertEquals(ExportBuilder.Outcome.GONE, builder.build(new ExportJob(ANA, export.exportId())));
        assertEquals(ExportBuilder.Outcome.GONE, builder.build(new ExportJob("ben", export.exportId())));
        assertEquals(0, archives.writes.get());
        assertTrue(queue.sent.isEmpty());
    }

    @Test
    void aFailedReadLeavesTheExportPreparingForTheRetry() {
        Export export = anasExport();
        ExportBuilder failing = new ExportBuilder(exports, archives, new ExportSources(profiles, membership, graph, graph, moments,
                new InMemoryUserInteractions() {
                    @Override
                    public void forEachReactionBy(String userId, java.util.function.Consumer<Reaction> each) {
                        throw new IllegalStateException("throttled");
                    }
                }, inbox, devices, settings, media), queue, clock);
        assertThrows(RuntimeException.class, () -> failing.build(new ExportJob(ANA, export.exportId())));
        assertEquals(ExportStatus.PREPARING, exports.find(ANA, export.exportId()).orElseThrow().status());
        assertTrue(queue.sent.isEmpty());
    }
}
