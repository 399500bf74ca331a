package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * END-TO-END: the walking skeleton through the whole local stack, every function from its own jar
 * (make build first). A user sets a profile, starts a moment, uploads a real JPEG (with an EXIF
 * orientation and GPS position) straight to S3 with the presigned PUT, and the asynchronous chain
 * runs: S3 notification, upload processor, moments stream, feed fan-out, notification queue,
 * dispatcher. The moment is published, is in the feeds, a friend is notified, and the served image
 * carries no EXIF.
 */
@Tag("e2e")
@DisplayName("End-to-end: the walking skeleton on the local stack")
class WalkingSkeletonE2EIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(30);
    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "MomentsApiFunction",
            "FeedApiFunction", "NotificationsApiFunction", "UploadProcessorFunction", "FeedFanoutFunction",
            "NotificationDispatcherFunction");

    private static DevStack stack;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        stack = ClientApp.start(DevStack.Options.forRepository(), FUNCTIONS_NEEDED);
        http = ClientApp.http();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aMomentIsUploadedProcessedPublishedFannedOutAndNotified() throws Exception {
        String alice = stack.token("alice-e2e");
        String bob = stack.token("bob-e2e");
        String aliceId = subject(alice);
        String bobId = subject(bob);

        assertStatus(200, call("PUT", "/me", alice, Map.of("handle", "alice_e2e", "displayName", "Alice")));
        assertStatus(200, call("PUT", "/me", bob, Map.of("handle", "bob_e2e", "displayName", "Bob")));
        befriend(alice, aliceId, bob, bobId);

        byte[] jpeg = jpegWithExif(320, 240);
        HttpResponse<String> created = call("POST", "/moments", alice, Map.of(
                "caption", "the quad at noon",
                "audience", "friends",
                "images", List.of(Map.of("role", "back", "contentType", "image/jpeg", "contentLength", jpeg.length))));
        assertStatus(201, created);
        JsonNode moment = JSON.readTree(created.body());
        String momentId = moment.path("momentId").asText();
        assertFalse(momentId.isEmpty(), created.body());
        assertEquals("pending", moment.path("status").asText());
        JsonNode upload = moment.path("uploads").path(0);
        assertEquals("back", upload.path("role").asText());
        assertEquals("PUT", upload.path("method").asText());
        assertFalse(upload.path("url").asText().isEmpty());
        assertFalse(upload.path("expiresAt").asText().isEmpty());

        // The upload goes straight to S3 (the emulator) with exactly the signed headers.
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).timeout(Duration.ofSeconds(30));
        for (var header : upload.path("headers").properties()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("content-length")) {
                // java.net.http sets it itself from the body (it refuses to be given it): same value.
                assertEquals(Integer.toString(jpeg.length), header.getValue().asText());
            } else if (!name.equals("host")) {
                put.header(header.getKey(), header.getValue().asText());
            }
        }
        HttpResponse<String> uploaded = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, uploaded.statusCode(), uploaded.body());

        JsonNode published = poll("GET /moments/" + momentId + " published",
                () -> JSON.readTree(call("GET", "/moments/" + momentId, alice, null).body()),
                m -> m.path("status").asText().equals("published") || m.path("status").asText().equals("rejected"));
        assertEquals("published", published.path("status").asText(), published.toString());

        // the fan-out follows the stream record of the publish: asynchronous, so waited for like Bob's feed
        JsonNode alicesFeed = poll("Alice's own feed", () -> JSON.readTree(call("GET", "/feed", alice, null).body()),
                feed -> ids(feed).contains(momentId));
        assertTrue(ids(alicesFeed).contains(momentId), "the author's own feed");
        JsonNode bobsFeed = poll("Bob's feed", () -> JSON.readTree(call("GET", "/feed", bob, null).body()),
                feed -> ids(feed).contains(momentId));
        assertTrue(ids(bobsFeed).contains(momentId));

        JsonNode inbox = poll("Bob's new_moment notification",
                () -> JSON.readTree(call("GET", "/notifications", bob, null).body()),
                body -> {
                    for (JsonNode item : body.path("items")) {
                        if (item.path("type").asText().equals("new_moment") && item.path("momentId").asText().equals(momentId)) {
                            return true;
                        }
                    }
                    return false;
                });
        assertNotNull(inbox);

        String imageUrl = published.path("images").path(0).path("url").asText();
        assertFalse(imageUrl.isEmpty(), published.toString());
        HttpResponse<byte[]> image = http.send(HttpRequest.newBuilder(URI.create(imageUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, image.statusCode());
        byte[] served = image.body();
        assertEquals(0xFF, served[0] & 0xFF);
        assertEquals(0xD8, served[1] & 0xFF);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(served));
        assertNotNull(decoded, "the served image decodes as a JPEG");
        assertTrue(decoded.getHeight() > decoded.getWidth(), "orientation 6 applied: the landscape upload is served upright");
        assertFalse(hasExif(served), "no APP1/Exif segment (GPS above all) in what is served");
    }

    // ------------------------------------------------------------------ HTTP

    private static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        return ClientApp.call(stack, method, path, token, body);
    }

    private static void assertStatus(int expected, HttpResponse<String> response) {
        ClientApp.expect(expected, response);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("momentId").asText()));
        return ids;
    }

    private static JsonNode poll(String what, ClientApp.Fetch<JsonNode> fetch, Predicate<JsonNode> done) throws Exception {
        return ClientApp.poll(what, ASYNC_TIMEOUT, fetch, done);
    }

    // ------------------------------------------------------------------ users

    private static String subject(String idToken) throws Exception {
        return ClientApp.subject(idToken);
    }

    /**
     * Bob asks, Alice accepts, through the friend routes when the template has them; until then the
     * accepted friendship is written as the social graph stores it (docs/data-model.md, one item per
     * direction).
     */
    private static void befriend(String alice, String aliceId, String bob, String bobId) throws Exception {
        boolean routes = stack.template().resourcesOfType("AWS::Serverless::Function").stream()
                .flatMap(f -> ((Map<?, ?>) f.properties().getOrDefault("Events", Map.of())).values().stream())
                .anyMatch(e -> String.valueOf(e).contains("/friends/requests/{userId}/accept"));
        if (routes) {
            HttpResponse<String> asked = call("POST", "/friends/requests", bob, Map.of("userId", aliceId));
            assertTrue(asked.statusCode() / 100 == 2, "friend request: " + asked.body());
            HttpResponse<String> accepted = call("POST", "/friends/requests/" + bobId + "/accept", alice, null);
            assertTrue(accepted.statusCode() / 100 == 2, "accept: " + accepted.body());
            return;
        }
        String table = stack.outputs().path("tables").path("UsersTable").asText();
        String since = Instant.now().toString();
        for (String[] pair : List.of(new String[] {aliceId, bobId}, new String[] {bobId, aliceId})) {
            stack.aws().dynamo().putItem(r -> r.tableName(table).item(Map.of(
                    "pk", AttributeValue.fromS("USER#" + pair[0]),
                    "sk", AttributeValue.fromS("FRIEND#" + pair[1]),
                    "userId", AttributeValue.fromS(pair[0]),
                    "friendId", AttributeValue.fromS(pair[1]),
                    "since", AttributeValue.fromS(since))));
        }
    }

    // ------------------------------------------------------------------ images

    /** A real JPEG of the given size with an APP1 Exif segment (Orientation 6, a GPS latitude) right after SOI. */
    static byte[] jpegWithExif(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpg", plain));
        byte[] jpeg = plain.toByteArray();

        // TIFF (big endian): header, IFD0 {Orientation = 6, GPS IFD pointer}, GPS IFD {LatitudeRef N, Latitude}.
        ByteBuffer tiff = ByteBuffer.allocate(92);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 6).putShort((short) 0);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
        tiff.putInt(0);
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(68);
        tiff.putInt(0);
        tiff.putInt(40).putInt(1).putInt(26).putInt(1).putInt(3000).putInt(100);
        byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        int segmentLength = 2 + exifHeader.length + tiff.capacity();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(segmentLength >> 8);
        out.write(segmentLength & 0xFF);
        out.write(exifHeader);
        out.write(tiff.array());
        out.write(jpeg, 2, jpeg.length - 2);
        byte[] withExif = out.toByteArray();
        assertTrue(hasExif(withExif), "the test image itself carries EXIF");
        return withExif;
    }

    /** Whether a JPEG has an APP1 segment starting "Exif\0\0" before its image data. */
    static boolean hasExif(byte[] jpeg) {
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return false;
            }
            int length = ((jpeg[i + 2] & 0xFF) << 8) | (jpeg[i + 3] & 0xFF);
            if (marker == 0xE1 && length >= 8 && new String(jpeg, i + 4, 6, StandardCharsets.ISO_8859_1).equals("Exif\0\0")) {
                return true;
            }
            i += 2 + length;
        }
        return false;
    }
}
