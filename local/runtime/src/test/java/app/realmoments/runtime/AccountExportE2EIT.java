package app.realmoments.runtime;

import static app.realmoments.runtime.ClientApp.JSON;
import static app.realmoments.runtime.ClientApp.call;
import static app.realmoments.runtime.ClientApp.expect;
import static app.realmoments.runtime.ClientApp.poll;
import static app.realmoments.runtime.ClientApp.subject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * END-TO-END: a user downloads a copy of her data. Ana has a profile, a friend, a moment with a photo, a
 * comment and a reaction on her friend's moment, and a phone; she asks for an export, waits for it, downloads
 * the zip from its URL and finds every kind of her data in it, her photo included, and no push token. Her
 * inbox says `export_ready`; her friend asking for the same export id gets a 404.
 */
@Tag("e2e")
@DisplayName("End-to-end: a user downloads a copy of her data")
class AccountExportE2EIT {

    private static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "SocialApiFunction",
            "MomentsApiFunction", "UploadProcessorFunction", "FeedFanoutFunction", "ActivityRelayFunction",
            "InteractionsApiFunction", "NotificationsApiFunction", "NotificationDispatcherFunction",
            "ExportApiFunction", "ExporterFunction");
    private static final String PHONE_TOKEN = "ana-phone-push-token-e2e-0123456789";

    private static DevStack stack;

    @BeforeAll
    static void start() {
        stack = ClientApp.start(DevStack.Options.builder().quiet(true).build(), FUNCTIONS_NEEDED);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static JsonNode file(Map<String, byte[]> entries, String name) throws Exception {
        assertTrue(entries.containsKey(name), name + " in " + entries.keySet());
        return JSON.readTree(new String(entries.get(name), StandardCharsets.UTF_8));
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.path(field).asText()));
        return out;
    }

    @Test
    void anaDownloadsEverythingSheHasAndOnlyThat() throws Exception {
        String ana = stack.token("export-ana");
        String ben = stack.token("export-ben");
        String anaId = subject(ana);
        String benId = subject(ben);
        expect(200, call(stack, "PUT", "/me", ana, Map.of("handle", "export_ana", "displayName", "Ana")));
        expect(200, call(stack, "PUT", "/me", ben, Map.of("handle", "export_ben", "displayName", "Ben")));
        expect(200, call(stack, "POST", "/friends/requests", ben, Map.of("userId", anaId)));
        expect(200, call(stack, "POST", "/friends/requests/" + benId + "/accept", ana, null));

        String anasMoment = ClientApp.publish(stack, ana, "friends", "the quad at noon");
        String bensMoment = ClientApp.publish(stack, ben, "friends", "bens lunch");
        expect(200, call(stack, "PUT", "/moments/" + bensMoment + "/reaction", ana, Map.of("emoji", "🔥")));
        String commentId = json(expect(201, call(stack, "POST", "/moments/" + bensMoment + "/comments", ana,
                Map.of("text", "looks great")))).path("commentId").asText();
        expect(201, call(stack, "POST", "/moments/" + anasMoment + "/comments", ben, Map.of("text", "bens own words")));
        String deviceId = json(expect(201, call(stack, "POST", "/me/devices", ana,
                Map.of("platform", "fcm", "token", PHONE_TOKEN)))).path("deviceId").asText();

        Instant asked = Instant.now();
        JsonNode started = json(expect(202, call(stack, "POST", "/me/export", ana, null)));
        String exportId = started.path("exportId").asText();
        assertEquals("preparing", started.path("status").asText());

        JsonNode ready = poll("export " + exportId + " ready", ASYNC_TIMEOUT,
                () -> json(expect(200, call(stack, "GET", "/me/export/" + exportId, ana, null))),
                e -> e.path("status").asText().equals("ready"));
        System.out.println("export ready " + Duration.between(asked, Instant.now()).toMillis() + " ms after POST /me/export");
        Instant expiresAt = Instant.parse(ready.path("expiresAt").asText());
        assertTrue(expiresAt.isAfter(asked.plus(Duration.ofDays(7)).minusSeconds(60)), "kept 7 days: " + expiresAt);

        HttpResponse<byte[]> download = ClientApp.http().send(HttpRequest.newBuilder(URI.create(ready.path("url").asText()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        Map<String, byte[]> entries = unzip(download.body());

        assertEquals("export_ana", file(entries, "profile.json").path("handle").asText());
        JsonNode friends = file(entries, "friends.json");
        assertEquals(List.of(benId), texts(friends, "userId"));
        assertEquals(List.of("export_ben"), texts(friends, "handle"));
        JsonNode moments = file(entries, "moments.json");
        assertEquals(List.of(anasMoment), texts(moments, "momentId"));
        assertEquals("the quad at noon", moments.path(0).path("caption").asText());
        assertEquals("friends", moments.path(0).path("audience").asText());
        assertEquals("published", moments.path(0).path("status").asText());
        JsonNode reactions = file(entries, "reactions.json");
        assertEquals(List.of(bensMoment), texts(reactions, "momentId"));
        assertEquals("🔥", reactions.path(0).path("emoji").asText());
        JsonNode comments = file(entries, "comments.json");
        assertEquals(List.of(commentId), texts(comments, "commentId"));
        assertEquals("looks great", comments.path(0).path("text").asText());
        JsonNode devices = file(entries, "devices.json");
        assertEquals(List.of(deviceId), texts(devices, "deviceId"));
        for (String kind : List.of("campus.json", "blocks.json", "friend-requests.json", "notifications.json",
                "notification-settings.json", "export.json")) {
            assertNotNull(file(entries, kind), kind);
        }
        String everything = String.join("\n", entries.values().stream()
                .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1)).toList()); // inflated, as a reader sees them
        assertTrue(everything.contains(deviceId) && everything.contains("looks great"), "the search does see the files");
        assertFalse(everything.contains(PHONE_TOKEN), "no push token in the archive");
        assertFalse(everything.contains("arn:aws:sns"), "no push endpoint in the archive");
        assertFalse(everything.contains("bens own words"), "no one else's comments");
        assertFalse(entries.keySet().stream().anyMatch(name -> name.contains(bensMoment)), "no one else's photos");

        byte[] photo = entries.get("images/" + anasMoment + "/back.jpg");
        assertNotNull(photo, "her photo, in " + entries.keySet());
        assertNotNull(ImageIO.read(new ByteArrayInputStream(photo)), "the photo decodes");

        JsonNode notice = poll("Ana's export_ready notification", ASYNC_TIMEOUT,
                () -> json(expect(200, call(stack, "GET", "/notifications", ana, null))),
                inbox -> {
                    for (JsonNode item : inbox.path("items")) {
                        if (item.path("type").asText().equals("export_ready")) {
                            return true;
                        }
                    }
                    return false;
                });
        List<JsonNode> exportReady = new ArrayList<>();
        notice.path("items").forEach(item -> {
            if (item.path("type").asText().equals("export_ready")) {
                exportReady.add(item);
            }
        });
        assertEquals(1, exportReady.size(), notice.toString());
        assertEquals(exportId, exportReady.getFirst().path("reason").asText());

        JsonNode theirs = json(expect(404, call(stack, "GET", "/me/export/" + exportId, ben, null)));
        assertEquals("not_found", theirs.path("error").path("code").asText());
        assertEquals(json(expect(404, call(stack, "GET", "/me/export/01M8KR2V6X0B4Q9Y7T3N5D1HZC", ben, null))), theirs,
                "someone else's export answers exactly like a missing one");
    }
}
