package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.emulator.Emulator;
import app.realmoments.media.TestPhotos;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The walking skeleton and a fan-out with the emulator behind {@link FaultInjector}: a sixth of the SDK's
 * calls refused, the first write of each kind and every fourth after it applied and its answer lost (so
 * PUT /me's transaction, POST /moments' create, the acceptance, the feed writes and the queue sends all
 * meet their own earlier try). Every request still answers 2xx, and nothing is lost or doubled: one
 * moment, one feed entry per recipient, one inbox item per cause.
 */
@DisplayName("End-to-end: the walking skeleton and a fan-out through injected faults")
class FaultInjectionE2EIT {

    private static final int FRIENDS = 30;
    private static final List<String> FUNCTIONS_NEEDED = List.of("ProfileApiFunction", "SocialApiFunction",
            "MomentsApiFunction", "FeedApiFunction", "NotificationsApiFunction", "UploadProcessorFunction",
            "FeedFanoutFunction", "ActivityRelayFunction", "NotificationDispatcherFunction");

    private static Emulator emulator;
    private static FaultInjector faults;
    private static DevStack stack;
    private static final List<String> answers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        emulator = Emulator.start();
        faults = new FaultInjector(emulator.endpoint(), 6, 4);
        stack = ClientApp.start(DevStack.Options.builder().endpoint(faults.url()).quiet(true).build(), FUNCTIONS_NEEDED);
        faults.arm(true);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
        if (faults != null) {
            faults.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void nothingIsLostDoubledOrAnsweredWithA5xx() throws Exception {
        String alice = stack.token("alice-faults");
        String bob = stack.token("bob-faults");
        String aliceId = ClientApp.subject(alice);
        String bobId = ClientApp.subject(bob);
        expect2xx(call("PUT", "/me", alice, Map.of("handle", "alice_faults", "displayName", "Alice")));
        expect2xx(call("PUT", "/me", bob, Map.of("handle", "bob_faults", "displayName", "Bob")));
        expect2xx(call("POST", "/friends/requests", bob, Map.of("userId", aliceId)));
        expect2xx(call("POST", "/friends/requests/" + bobId + "/accept", alice, null));
        List<String> others = befriendDirectly(aliceId);

        byte[] jpeg = TestPhotos.phoneJpeg(320, 240, 1);
        Map<String, Object> declared = Map.of("caption", "through the storm", "audience", "friends",
                "images", List.of(Map.of("role", "back", "contentType", "image/jpeg", "contentLength", jpeg.length)));
        JsonNode started = ClientApp.JSON.readTree(expect2xx(call("POST", "/moments", alice, declared, "tap-faults")).body());
        JsonNode again = ClientApp.JSON.readTree(expect2xx(call("POST", "/moments", alice, declared, "tap-faults")).body());
        String momentId = started.path("momentId").asText();
        assertEquals(momentId, again.path("momentId").asText(), "the retried start is the same moment");
        upload(started.path("uploads").path(0), jpeg);

        ClientApp.poll("the moment published", Duration.ofSeconds(60),
                () -> ClientApp.JSON.readTree(expect2xx(call("GET", "/moments/" + momentId, alice, null)).body()),
                m -> m.path("status").asText().equals("published"));
        List<String> recipients = new ArrayList<>(others);
        recipients.add(aliceId);
        recipients.add(bobId);
        ClientApp.poll("every feed", Duration.ofSeconds(90), () -> feedEntries(momentId),
                entries -> entries.keySet().containsAll(recipients.stream().map(r -> "USER#" + r).toList()));
        ClientApp.poll("every new_moment notification", Duration.ofSeconds(90), () -> inboxItems(recipients),
                items -> items.getOrDefault("new_moment", 0) >= FRIENDS);
        ClientApp.poll("Alice's friend_accepted and Bob's friend_request", Duration.ofSeconds(60),
                () -> inboxItems(List.of(aliceId, bobId)),
                items -> items.getOrDefault("friend_request", 0) == 1 && items.getOrDefault("friend_accepted", 0) == 1);
        Thread.sleep(2_000); // let any duplicate that is still on its way arrive before counting

        Map<String, Integer> entries = feedEntries(momentId);
        assertEquals(recipients.size(), entries.size(), "one feed per recipient: " + entries.keySet());
        entries.forEach((feed, count) -> assertEquals(1, count, feed + " holds the moment once"));
        Map<String, Integer> items = inboxItems(recipients);
        assertEquals(FRIENDS, items.get("new_moment"), "one new_moment per friend (Bob and 29 more), none twice");
        assertEquals(1, items.get("friend_request"));
        assertEquals(1, items.get("friend_accepted"));
        assertEquals(1, momentsOf(aliceId), "one moment though its start was retried");
        assertTrue(answers.stream().noneMatch(a -> a.startsWith("5")), "no 5xx: " + answers);
        assertTrue(faults.refused.get() > 5 && faults.lostAnswers.get() > 5,
                "faults were injected: " + faults.refused + " refused, " + faults.lostAnswers + " answers lost");
    }

    // ------------------------------------------------------------------ the client app

    private static HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        return call(method, path, token, body, null);
    }

    /** One call, retried like a mobile client does on a 5xx or a dropped connection (with its Idempotency-Key). */
    private static HttpResponse<String> call(String method, String path, String token, Object body, String key)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(ClientApp.JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = ClientApp.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        synchronized (answers) {
            answers.add(response.statusCode() + " " + method + " " + path);
        }
        return response;
    }

    private static HttpResponse<String> expect2xx(HttpResponse<String> response) {
        assertEquals(2, response.statusCode() / 100, response.request().method() + " " + response.request().uri()
                + " answered " + response.statusCode() + " " + response.body());
        return response;
    }

    private static void upload(JsonNode upload, byte[] jpeg) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).timeout(Duration.ofSeconds(30));
        upload.path("headers").properties().forEach(h -> {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("content-length") && !name.equals("host")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        assertEquals(200, ClientApp.http().send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    // ------------------------------------------------------------------ what the tables hold (read past the faults)

    /** Alice's friends written as the social graph stores them, so the fan-out has many feeds to reach. */
    private static List<String> befriendDirectly(String aliceId) {
        String users = stack.outputs().path("tables").path("UsersTable").asText();
        String since = Instant.now().toString();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < FRIENDS - 1; i++) {
            String other = UUID.randomUUID().toString();
            others.add(other);
            for (String[] pair : List.of(new String[] {aliceId, other}, new String[] {other, aliceId})) {
                stack.aws().dynamo().putItem(r -> r.tableName(users).item(Map.of(
                        "pk", AttributeValue.fromS("USER#" + pair[0]), "sk", AttributeValue.fromS("FRIEND#" + pair[1]),
                        "userId", AttributeValue.fromS(pair[0]), "friendId", AttributeValue.fromS(pair[1]),
                        "since", AttributeValue.fromS(since))));
            }
        }
        return others;
    }

    /** Feed partition -> how many entries of the moment it holds (the ByMoment index, then each partition). */
    private static Map<String, Integer> feedEntries(String momentId) {
        String table = stack.outputs().path("tables").path("FeedTable").asText();
        Map<String, Integer> entries = new HashMap<>();
        stack.aws().dynamo().scanPaginator(r -> r.tableName(table).filterExpression("momentId = :m")
                        .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(momentId))))
                .items().forEach(item -> entries.merge(item.get("pk").s(), 1, Integer::sum));
        return entries;
    }

    /** Notification type -> inbox items of those users. */
    private static Map<String, Integer> inboxItems(List<String> users) {
        String table = stack.outputs().path("tables").path("NotificationsTable").asText();
        Map<String, Integer> types = new HashMap<>();
        for (String user : users) {
            stack.aws().dynamo().queryPaginator(QueryRequest.builder().tableName(table)
                            .keyConditionExpression("pk = :pk AND begins_with(sk, :n)")
                            .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("USER#" + user),
                                    ":n", AttributeValue.fromS("N#"))).build())
                    .items().forEach(item -> types.merge(item.get("type").s(), 1, Integer::sum));
        }
        return types;
    }

    private static int momentsOf(String authorId) {
        String table = stack.outputs().path("tables").path("MomentsTable").asText();
        return stack.aws().dynamo().query(r -> r.tableName(table).indexName("ByAuthor")
                .keyConditionExpression("authorId = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(authorId)))).count();
    }
}
