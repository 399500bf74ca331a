package app.realmoments.functions.uploadprocessor;

import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.json.Json;
import app.realmoments.media.TestPhotos;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.moment.HeldMoments;
import app.realmoments.moment.MomentPublisher;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.NewMoment;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.moment.s3.S3MediaStore;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.screening.ConfidenceThreshold;
import app.realmoments.screening.LocalContentClassifier;
import app.realmoments.screening.Screening;
import app.realmoments.screening.TextFilter;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Services;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real files through the real adapters and the emulator: a moment is started, its files are PUT to
 * the presigned URLs, and the processor gets the S3 event for each, as Lambda would deliver it.
 */
class UploadPipelineIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalAws AWS = LocalAws.shared();
    private static final String QUEUE = AWS.queueUrl("NotificationsQueue");

    private static MomentService moments;
    private static DynamoMomentStore store;
    private static S3MediaStore media;
    private static UploadProcessor processor;
    private static final List<HeldForReview.Held> HELD = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String author = UUID.randomUUID().toString();

    @BeforeAll
    static void wire() {
        var dynamo = AWS.dynamo();
        store = new DynamoMomentStore(dynamo, AWS.table("MomentsTable"), AWS.table("UsersTable"));
        media = new S3MediaStore(AWS::s3, AWS::presigner, AWS.bucket("MediaBucket"));
        DynamoProfileStore profiles = new DynamoProfileStore(dynamo, AWS.table("UsersTable"));
        moments = Services.moments(store, media, profiles,
                new MomentVisibility(new DynamoSocialGraph(dynamo, AWS.table("UsersTable")), profiles), new Ids(), Clock.systemUTC());
        // screened as the local stack screens: the magenta-corner stand-in and the default word list
        processor = new UploadProcessor(new MomentPublisher(store, media, new SanitizingPipeline(),
                new Screening(new LocalContentClassifier(), ConfidenceThreshold.DEFAULT, TextFilter.named("default")),
                HELD::add, new SqsNotificationQueue(AWS.sqs(), QUEUE), Clock.systemUTC()));
    }

    @Test
    void aFlaggedImageStaysPendingAndHeldSeenByItsAuthorAloneAndReleaseThenPublishesIt() throws Exception {
        String id = post(Map.of("back", TestPhotos.jpeg(TestPhotos.magentaCornered(800, 600, 4), 0.9f)),
                Map.of("back", "image/jpeg"));

        var moment = store.find(id).orElseThrow();
        assertEquals(MomentStatus.PENDING, moment.status());
        assertTrue(moment.held());
        assertTrue(moment.images().get(app.realmoments.moment.ImageRole.BACK).ready(), "made, for the moderator");
        var item = AWS.dynamo().getItem(r -> r.tableName(AWS.table("MomentsTable"))
                .key(DynamoMomentStore.key(id))).item();
        assertTrue(item.get("held").bool());
        assertFalse(item.containsKey("expiresAt"), "a held moment waits for its moderator");
        assertTrue(HELD.stream().anyMatch(h -> h.targetId().equals(id) && h.authorId().equals(author)
                && h.why().equals("back image: Explicit Nudity 99.0%")), HELD.toString());
        MomentView mine = moments.get(author, id);
        assertEquals("held", mine.review());
        assertTrue(mine.images().isEmpty(), "no image URL while it is pending");
        assertEquals(404, assertThrows(Problem.class, () -> moments.get(UUID.randomUUID().toString(), id)).kind().status,
                "nobody else can see it");

        invoke(processor, event(key(id, "back")), new TestContext("again"));
        assertEquals(1, HELD.stream().filter(h -> h.targetId().equals(id)).count(), "a redelivered event holds nothing twice");
        assertEquals(MomentStatus.PENDING, store.find(id).orElseThrow().status());

        // what the moderation function does on a dismiss: the moment store and the clock, nothing else
        assertEquals(MomentPublisher.Outcome.PUBLISHED, new HeldMoments(store, Clock.systemUTC()).release(id).outcome());
        MomentView published = moments.get(author, id);
        assertEquals(MomentStatus.PUBLISHED, published.status());
        assertNull(published.review());
        assertEquals(1, published.images().size());
    }

    @Test
    void aCleanImageWithAFlaggedCaptionIsHeldTooAndACleanOnePublishes() throws Exception {
        byte[] photo = TestPhotos.jpeg(TestPhotos.photoLike(800, 600, 6), 0.9f);
        String held = post(Map.of("back", photo), Map.of("back", "image/jpeg"), "badword-test at the quad");
        assertTrue(store.find(held).orElseThrow().held());
        assertTrue(HELD.stream().anyMatch(h -> h.targetId().equals(held) && h.why().equals("caption: word list")));

        String clean = post(Map.of("back", photo), Map.of("back", "image/jpeg"), "Scunthorpe at dusk");
        assertEquals(MomentStatus.PUBLISHED, store.find(clean).orElseThrow().status());
        assertFalse(store.find(clean).orElseThrow().held());
    }

    @Test
    void aPhonePhotoIsServedUprightWithNoExifLeft() throws Exception {
        byte[] photo = TestPhotos.phoneJpeg(1600, 1200, 6);
        assertTrue(TestPhotos.contains(photo, TestPhotos.GPS_METHOD.getBytes(StandardCharsets.US_ASCII)), "the input carries GPS");
        String id = post(Map.of("back", photo), Map.of("back", "image/jpeg"));

        MomentView view = moments.get(author, id);
        assertEquals(MomentStatus.PUBLISHED, view.status());
        MomentView.Image image = view.images().getFirst();
        assertEquals(1200, image.width());
        assertEquals(1600, image.height(), "orientation 6 turns the landscape sensor image upright");

        byte[] served = download(image.url());
        BufferedImage decoded = TestPhotos.decode(served);
        assertEquals(1200, decoded.getWidth());
        assertEquals(1600, decoded.getHeight());
        assertFalse(TestPhotos.contains(served, "Exif".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(TestPhotos.contains(served, TestPhotos.GPS_METHOD.getBytes(StandardCharsets.US_ASCII)));
        assertFalse(TestPhotos.contains(served, TestPhotos.CAMERA_MAKE.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(360, TestPhotos.decode(download(image.thumbnailUrl())).getHeight());
    }

    @Test
    void aPngAndBothCamerasPublishOnceBothAreReady() throws Exception {
        byte[] back = TestPhotos.jpeg(TestPhotos.photoLike(1200, 900, 3), 0.9f);
        byte[] selfie = TestPhotos.png(TestPhotos.cornerMarked(600, 800));
        String id = start(Map.of("back", back, "front", selfie), Map.of("back", "image/jpeg", "front", "image/png"));

        assertEquals(MomentPublisher.Outcome.IMAGE_READY.name(), deliverAndLog(id, "front"));
        assertEquals(MomentStatus.PENDING, store.find(id).orElseThrow().status());
        assertEquals(MomentPublisher.Outcome.PUBLISHED.name(), deliverAndLog(id, "back"));

        MomentView view = moments.get(author, id);
        assertEquals(List.of("back", "front"), view.images().stream().map(MomentView.Image::role).toList());
        assertEquals(600, view.images().get(1).width());
    }

    @Test
    void theSameEventTwiceChangesNothing() throws Exception {
        String id = post(Map.of("back", TestPhotos.jpeg(TestPhotos.photoLike(800, 600, 5), 0.9f)), Map.of("back", "image/jpeg"));
        var before = store.find(id).orElseThrow();
        assertEquals(MomentStatus.PUBLISHED, before.status(), "the first delivery published it");
        invoke(processor, event(key(id, "back")), new TestContext("dup"));
        assertEquals(before, store.find(id).orElseThrow());
    }

    @Test
    void everyBadFileRejectsItsMomentWithAReasonAndKeepsNothing() throws Exception {
        byte[] jpeg = TestPhotos.jpeg(TestPhotos.photoLike(800, 600, 9), 0.9f);
        byte[] corrupt = jpeg.clone();
        for (int i = jpeg.length / 3; i < jpeg.length / 3 + 2048; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("text named .jpg", new Object[] {"just some text, not a photo".getBytes(), "image/jpeg"});
        cases.put("PNG declared as JPEG", new Object[] {TestPhotos.png(TestPhotos.cornerMarked(100, 100)), "image/jpeg"});
        cases.put("truncated JPEG", new Object[] {java.util.Arrays.copyOf(jpeg, jpeg.length / 2), "image/jpeg"});
        cases.put("corrupt JPEG", new Object[] {corrupt, "image/jpeg"});
        cases.put("30000x30000 PNG bomb", new Object[] {TestPhotos.pngBomb(30000, 30000), "image/png"});

        for (Map.Entry<String, Object[]> bad : cases.entrySet()) {
            byte[] file = (byte[]) bad.getValue()[0];
            String id = post(Map.of("back", file), Map.of("back", (String) bad.getValue()[1]));
            var moment = store.find(id).orElseThrow();
            assertEquals(MomentStatus.REJECTED, moment.status(), bad.getKey());
            assertFalse(moment.rejectReason().isBlank(), bad.getKey());
            assertTrue(media.read(key(id, "back"), 1 << 26).isEmpty(), bad.getKey() + ": upload deleted");
            assertTrue(rejectionJobs().stream().anyMatch(j -> j.momentId().equals(id)
                    && j.recipientId().equals(author) && j.reason().equals(moment.rejectReason())), bad.getKey());
        }
    }

    @Test
    void aDeletedMomentCannotBeFetchedInAnyForm() throws Exception {
        String id = post(Map.of("back", TestPhotos.jpeg(TestPhotos.photoLike(800, 600, 11), 0.9f)), Map.of("back", "image/jpeg"));
        MomentView view = moments.get(author, id);
        String url = view.images().getFirst().url();
        String thumb = view.images().getFirst().thumbnailUrl();
        assertEquals(200, status(url));

        moments.delete(author, id);

        assertTrue(store.find(id).isEmpty());
        assertEquals(404, status(url));
        assertEquals(404, status(thumb));
    }

    // --- helpers: what a client and S3 do

    /** Starts a moment, uploads every file, delivers every S3 event; returns the moment id. */
    private String post(Map<String, byte[]> files, Map<String, String> types) throws Exception {
        return post(files, types, null);
    }

    private String post(Map<String, byte[]> files, Map<String, String> types, String caption) throws Exception {
        String id = start(files, types, caption);
        for (String role : files.keySet()) {
            deliverAndLog(id, role);
        }
        return id;
    }

    private String start(Map<String, byte[]> files, Map<String, String> types) throws Exception {
        return start(files, types, null);
    }

    private String start(Map<String, byte[]> files, Map<String, String> types, String caption) throws Exception {
        new DynamoProfileStore(AWS.dynamo(), AWS.table("UsersTable")).save(new Profile(author,
                "u" + author.substring(0, 8), "Uploader", "north", Instant.now(), Instant.now(), null), null);
        List<NewMoment.ImageDeclaration> images = new ArrayList<>();
        files.forEach((role, bytes) -> images.add(new NewMoment.ImageDeclaration(role, types.get(role), (long) bytes.length)));
        MomentService.Started started = moments.start(author, new NewMoment(caption, "friends", images));
        for (MomentService.Upload upload : started.uploads()) {
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.url()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(files.get(upload.role())));
            upload.headers().forEach((name, value) -> {
                if (!name.equals("content-length")) {
                    put.header(name, value);
                }
            });
            assertEquals(200, HTTP.send(put.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return started.momentId();
    }

    private String deliverAndLog(String id, String role) {
        var before = store.find(id).orElseThrow();
        invoke(processor, event(key(id, role)), new TestContext("s3-" + role));
        var after = store.find(id).orElseThrow();
        if (after.status() == MomentStatus.PUBLISHED && before.status() == MomentStatus.PENDING) {
            return MomentPublisher.Outcome.PUBLISHED.name();
        }
        return after.images().get(app.realmoments.moment.ImageRole.fromWire(role)).ready()
                ? MomentPublisher.Outcome.IMAGE_READY.name() : after.status().name();
    }

    private String key(String id, String role) {
        return "uploads/" + author + "/" + id + "/" + role;
    }

    /** The committed S3 event with this key, URL-encoded as S3 sends keys, and the emulator's bucket. */
    private static String event(String key) {
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        return UploadProcessorTest.EVENT.replace(UploadProcessorTest.KEY, encoded)
                .replace(JsonTrees.tree(UploadProcessorTest.EVENT).at("/Records/0/s3/bucket/name").asText(), AWS.bucket("MediaBucket"));
    }

    private static List<NotificationJob> rejectionJobs() {
        List<NotificationJob> jobs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            var messages = AWS.sqs().receiveMessage(r -> r.queueUrl(QUEUE).maxNumberOfMessages(10)).messages();
            messages.forEach(m -> jobs.add(Json.read(m.body(), NotificationJob.class)));
            if (messages.isEmpty()) {
                break;
            }
        }
        return jobs.stream().filter(j -> j.type() == NotificationType.MOMENT_REJECTED).toList();
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
