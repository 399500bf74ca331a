package app.realmoments.export;

import static app.realmoments.time.Times.iso;

import app.realmoments.json.Json;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStore;
import app.realmoments.notify.InboxItem;
import app.realmoments.notify.Inbox;
import app.realmoments.notify.NotificationSettings;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import app.realmoments.profile.Profile;
import app.realmoments.social.SocialGraphStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The exporter's work for one job: the user's data as one zip (a JSON file per kind of data, and the
 * user's processed images), then the export marked ready and {@code export_ready} queued to its user.
 *
 * <p>A redelivered job is safe: an export still preparing is built again (the same key, overwritten); one
 * already ready is not rebuilt, and its notification is queued again with the id derived from its
 * {@code readyAt}, which the inbox writes once. An export that is gone (expired, or erased with its user
 * while the archive was being written) leaves no archive behind.
 *
 * <p>Only what the user could see goes in: their own items, other users only as ids (friends with their
 * handles), devices without tokens or endpoints, and no inbox item naming someone blocked either way.
 */
public final class ExportBuilder {

    /** The largest processed image read into an archive (processed images are far smaller). */
    static final long MAX_IMAGE_BYTES = 20L * 1024 * 1024;
    private static final int PAGE = 100;

    private final ExportStore exports;
    private final ExportArchives archives;
    private final ExportSources data;
    private final NotificationQueue notifications;
    private final Clock clock;

    public ExportBuilder(ExportStore exports, ExportArchives archives, ExportSources data, NotificationQueue notifications,
                         Clock clock) {
        this.exports = exports;
        this.archives = archives;
        this.data = data;
        this.notifications = notifications;
        this.clock = clock;
    }

    public enum Outcome { BUILT, ALREADY_READY, GONE }

    public Outcome build(ExportJob job) {
        Optional<Export> found = exports.find(job.userId(), job.exportId()).filter(e -> !e.expired(clock.instant()));
        if (found.isEmpty()) {
            return Outcome.GONE;
        }
        Export export = found.get();
        Outcome outcome = Outcome.ALREADY_READY;
        if (export.status() == ExportStatus.PREPARING) {
            Export preparing = export;
            archives.write(job.userId(), job.exportId(), out -> writeArchive(preparing, out));
            Instant readyAt = clock.instant();
            if (exports.markReady(job.userId(), job.exportId(), readyAt)) {
                export = export.ready(readyAt);
            } else {
                Optional<Export> now = exports.find(job.userId(), job.exportId());
                if (now.isEmpty() || now.get().readyAt() == null) {
                    // erased (or expired) while it was written: keep nothing of it
                    archives.delete(job.userId(), job.exportId());
                    return Outcome.GONE;
                }
                export = now.get();
            }
            outcome = Outcome.BUILT;
        }
        notifications.send(List.of(readyNotification(export)));
        return outcome;
    }

    /** The inbox item's id derives from the export's {@code readyAt}: every delivery of it makes the same one. */
    static NotificationJob readyNotification(Export export) {
        return NotificationJob.of(NotificationType.EXPORT_READY, export.userId(), null, null, export.exportId(),
                export.readyAt());
    }

    // ------------------------------------------------------------------ what the archive holds

    record About(String userId, String exportId, String requestedAt, List<String> files) {
    }

    record ProfileFile(String userId, String handle, String displayName, String createdAt, String updatedAt) {
    }

    /** The school address the user last asked a code for (their own), while its item is kept (a day). */
    record VerificationEntry(String campusId, String email, String startedAt, String confirmedAt) {
    }

    record CampusFile(String campusId, String verifiedAt, VerificationEntry verification) {
    }

    record FriendEntry(String userId, String handle, String since) {
    }

    record BlockEntry(String userId, String blockedAt) {
    }

    record RequestEntry(String userId, String createdAt) {
    }

    record RequestsFile(List<RequestEntry> incoming, List<RequestEntry> outgoing) {
    }

    record ImageEntry(String role, Integer width, Integer height, String file) {
    }

    record MomentEntry(String momentId, String caption, String audience, String campusId, String status,
                       String rejectReason, String createdAt, String publishedAt, Integer lateMinutes,
                       List<ImageEntry> images, Map<String, Integer> reactionCounts, int commentCount) {
    }

    record ReactionEntry(String momentId, String emoji, String reactedAt) {
    }

    record CommentEntry(String momentId, String commentId, String text, String createdAt) {
    }

    record NotificationEntry(String notificationId, String type, String actorId, String momentId, String reason,
                             String createdAt) {
    }

    record DeviceEntry(String deviceId, String platform, String createdAt) {
    }

    record QuietHoursEntry(String start, String end) {
    }

    record SettingsFile(List<String> muted, QuietHoursEntry quietHours) {
    }

    static final List<String> FILES = List.of("export.json", "profile.json", "campus.json", "friends.json",
            "blocks.json", "friend-requests.json", "moments.json", "reactions.json", "comments.json",
            "notifications.json", "devices.json", "notification-settings.json");

    /** Writes the zip: the JSON files in {@link #FILES} order, then {@code images/{momentId}/{role}.jpg}. */
    void writeArchive(Export export, OutputStream out) throws IOException {
        String user = export.userId();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Optional<Profile> profile = data.profiles().find(user);
        List<Moment> moments = moments(user);

        json(zip, "export.json", new About(user, export.exportId(), iso(export.createdAt()), FILES));
        json(zip, "profile.json", profile.map(p -> new ProfileFile(p.userId(), p.handle(), p.displayName(),
                iso(p.createdAt()), iso(p.updatedAt()))).orElse(null));
        Profile member = profile.filter(p -> p.campusId() != null && p.campusVerifiedAt() != null).orElse(null);
        VerificationEntry verification = data.membership().verification(user)
                .map(v -> new VerificationEntry(v.campusId(), v.email() == null ? null : v.email().address(),
                        iso(v.createdAt()), iso(v.usedAt()))).orElse(null);
        json(zip, "campus.json", new CampusFile(member == null ? null : member.campusId(),
                member == null ? null : iso(member.campusVerifiedAt()), verification));
        json(zip, "friends.json", friends(user));
        json(zip, "blocks.json", blocks(user));
        json(zip, "friend-requests.json", new RequestsFile(requests(data.graph().incomingRequests(user, Integer.MAX_VALUE)),
                requests(data.graph().outgoingRequests(user, Integer.MAX_VALUE))));
        json(zip, "moments.json", moments.stream().map(ExportBuilder::momentEntry).toList());
        List<ReactionEntry> reactions = new ArrayList<>();
        data.interactions().forEachReactionBy(user, r -> reactions.add(
                new ReactionEntry(r.momentId(), r.emoji(), iso(r.reactedAt()))));
        json(zip, "reactions.json", reactions);
        List<CommentEntry> comments = new ArrayList<>();
        data.interactions().forEachCommentBy(user, c -> comments.add(
                new CommentEntry(c.momentId(), c.commentId(), c.text(), iso(c.createdAt()))));
        json(zip, "comments.json", comments);
        json(zip, "notifications.json", notifications(user));
        json(zip, "devices.json", data.devices().devicesOf(user).stream()
                .map(d -> new DeviceEntry(d.deviceId(), d.platform() == null ? null : d.platform().wire(),
                        iso(d.createdAt()))).toList());
        NotificationSettings settings = data.settings().find(user);
        json(zip, "notification-settings.json", new SettingsFile(
                settings.muted().stream().map(NotificationType::wire).sorted().toList(),
                settings.quietHours() == null ? null : new QuietHoursEntry(settings.quietHours().start().toString(),
                        settings.quietHours().end().toString())));

        zip.setLevel(Deflater.NO_COMPRESSION); // JPEGs are compressed already
        for (Moment moment : moments) {
            for (MomentImage image : readyImages(moment)) {
                Optional<byte[]> bytes = data.media().read(MediaKeys.display(moment.momentId(), image.role()), MAX_IMAGE_BYTES);
                if (bytes.isPresent()) {
                    zip.putNextEntry(new ZipEntry(imageFile(moment.momentId(), image.role())));
                    zip.write(bytes.get());
                    zip.closeEntry();
                }
            }
        }
        zip.finish();
    }

    private static void json(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Json.write(value).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    static String imageFile(String momentId, ImageRole role) {
        return "images/" + momentId + "/" + role.wire() + ".jpg";
    }

    private static List<MomentImage> readyImages(Moment moment) {
        return moment.images().values().stream().filter(MomentImage::ready)
                .sorted(java.util.Comparator.comparing(i -> i.role().wire())).toList();
    }

    private static MomentEntry momentEntry(Moment m) {
        List<ImageEntry> images = readyImages(m).stream()
                .map(i -> new ImageEntry(i.role().wire(), i.width(), i.height(), imageFile(m.momentId(), i.role()))).toList();
        return new MomentEntry(m.momentId(), m.caption(), m.audience() == null ? null : m.audience().wire(), m.campusId(),
                m.status() == null ? null : m.status().wire(), m.rejectReason(), iso(m.createdAt()),
                iso(m.publishedAt()), m.lateMinutes(), images,
                m.reactionCounts(), m.commentCount());
    }

    private List<Moment> moments(String user) {
        List<Moment> all = new ArrayList<>();
        Map<String, String> position = null;
        do {
            MomentStore.Slice slice = data.moments().byAuthor(user, new MomentStore.AuthorFilter.Everything(), PAGE, position);
            all.addAll(slice.moments());
            position = slice.next();
        } while (position != null);
        return all;
    }

    private List<FriendEntry> friends(String user) {
        List<FriendEntry> friends = new ArrayList<>();
        Map<String, String> position = null;
        do {
            SocialGraphStore.Slice slice = data.graph().friends(user, PAGE, position);
            Map<String, Profile> profiles = data.profiles().findAll(
                    slice.links().stream().map(SocialGraphStore.Link::userId).toList());
            for (SocialGraphStore.Link link : slice.links()) {
                Profile friend = profiles.get(link.userId());
                friends.add(new FriendEntry(link.userId(), friend == null ? null : friend.handle(), iso(link.at())));
            }
            position = slice.next();
        } while (position != null);
        return friends;
    }

    private List<BlockEntry> blocks(String user) {
        List<BlockEntry> blocks = new ArrayList<>();
        Map<String, String> position = null;
        do {
            SocialGraphStore.Slice slice = data.graph().blocked(user, PAGE, position);
            slice.links().forEach(link -> blocks.add(new BlockEntry(link.userId(), iso(link.at()))));
            position = slice.next();
        } while (position != null);
        return blocks;
    }

    private static List<RequestEntry> requests(List<SocialGraphStore.Link> links) {
        return links.stream().map(link -> new RequestEntry(link.userId(), iso(link.at()))).toList();
    }

    /** The inbox as GET /notifications shows it: nothing that names someone blocked either way. */
    private List<NotificationEntry> notifications(String user) {
        Set<String> blocked = data.social().blockedEitherWay(user);
        List<NotificationEntry> entries = new ArrayList<>();
        Map<String, String> position = null;
        do {
            Inbox.Slice slice = data.inbox().page(user, PAGE, position);
            for (InboxItem item : slice.items()) {
                if (item.actorId() == null || !blocked.contains(item.actorId())) {
                    entries.add(new NotificationEntry(item.notificationId(), item.type() == null ? null : item.type().wire(),
                            item.actorId(), item.momentId(), item.reason(), iso(item.createdAt())));
                }
            }
            position = slice.next();
        } while (position != null);
        return entries;
    }
}
