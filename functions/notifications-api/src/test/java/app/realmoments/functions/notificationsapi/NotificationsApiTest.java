package app.realmoments.functions.notificationsapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.http.TestContext;
import app.realmoments.id.Ids;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.InboxItem;
import app.realmoments.notify.InboxService;
import app.realmoments.notify.NotificationSettingsService;
import app.realmoments.notify.PushPlatform;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.testing.Events;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryNotificationSettingsStore;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.RecordingPushGateway;
import app.realmoments.testing.Services;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationsApiTest {

    /** Jonah, the caller of the events/ files. */
    private static final String JONAH = "01JHJ1C22G0NPARJS8VBV0PSAE";

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final FakeSocialGraph graph = new FakeSocialGraph();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM);
    private final NotificationsApi api = new NotificationsApi(
            new InboxService(inbox, new Cursors("test-cursor-signing-key-0123456789abcdef"), graph),
            new DeviceService(devices, push, new Ids(), Clock.systemUTC(), Services.noQuotas()),
            new NotificationSettingsService(new InMemoryNotificationSettingsStore()));

    @Test
    void afterABlockTheInboxNoLongerNamesTheOtherEvenForOlderItems() throws Exception {
        String maya = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
        String priya = "5c8e2f14-7b3a-4d96-a1e0-3f9b6c2d8e47";
        Instant at = Instant.parse("2026-11-29T12:00:00Z");
        inbox.add(new InboxItem(JONAH, NotificationJob.of(NotificationType.FRIEND_REQUEST, JONAH, priya, null, null, at)
                .notificationId(), NotificationType.FRIEND_REQUEST, priya, null, null, at));
        inbox.add(new InboxItem(JONAH, NotificationJob.of(NotificationType.COMMENT, JONAH, maya, "01M8KK11T8Q32D8A1HM0318YS5",
                null, at.plusSeconds(60)).notificationId(), NotificationType.COMMENT, maya, "01M8KK11T8Q32D8A1HM0318YS5", null,
                at.plusSeconds(60)));
        graph.block(priya, JONAH); // Priya blocked Jonah: her request must not show, or the block would

        APIGatewayV2HTTPEvent list = Events.load("notifications-get.json", APIGatewayV2HTTPEvent.class);
        JsonNode items = JsonTrees.tree(api.handleRequest(list, new TestContext("r1")).getBody()).path("items");

        assertEquals(1, items.size(), items.toString());
        assertEquals(maya, items.get(0).path("actorId").asText());
    }

    @Test
    void theInboxNoLongerNamesSomeoneTheRecipientReported() throws Exception {
        String maya = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
        Instant at = Instant.parse("2026-11-29T12:00:00Z");
        inbox.add(new InboxItem(JONAH, NotificationJob.of(NotificationType.COMMENT, JONAH, maya, "01M8KK11T8Q32D8A1HM0318YS5",
                null, at).notificationId(), NotificationType.COMMENT, maya, "01M8KK11T8Q32D8A1HM0318YS5", null, at));
        graph.reported(JONAH, "user#" + maya); // Jonah reported Maya: a one-way hide, as a block would be

        APIGatewayV2HTTPEvent list = Events.load("notifications-get.json", APIGatewayV2HTTPEvent.class);
        JsonNode items = JsonTrees.tree(api.handleRequest(list, new TestContext("r1")).getBody()).path("items");
        assertEquals(0, items.size(), items.toString());
    }

    @Test
    void jonahRegistersHisPhoneTwiceAndRemovesIt() throws Exception {
        APIGatewayV2HTTPEvent post = Events.load("device-post.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPResponse created = api.handleRequest(post, new TestContext("r1"));
        assertEquals(201, created.getStatusCode());
        JsonNode device = JsonTrees.tree(created.getBody());
        assertEquals("fcm", device.path("platform").asText());
        assertTrue(Ids.isWellFormed(device.path("deviceId").asText()));
        assertTrue(devices.devicesOf(JONAH).getFirst().endpointArn() != null, "the SNS endpoint is made at registration");

        APIGatewayV2HTTPResponse again = api.handleRequest(post, new TestContext("r2"));
        assertEquals(200, again.getStatusCode());
        assertEquals(device.path("deviceId").asText(), JsonTrees.tree(again.getBody()).path("deviceId").asText());

        APIGatewayV2HTTPEvent delete = Events.load("device-post.json", APIGatewayV2HTTPEvent.class);
        delete.setRouteKey("DELETE /me/devices/{deviceId}");
        delete.setBody(null);
        delete.setPathParameters(Map.of("deviceId", device.path("deviceId").asText()));
        assertEquals(204, api.handleRequest(delete, new TestContext("r3")).getStatusCode());
        assertEquals(404, api.handleRequest(delete, new TestContext("r4")).getStatusCode());
        assertTrue(devices.devicesOf(JONAH).isEmpty());
    }

    @Test
    void aBadDeviceIsA400NamingTheField() throws Exception {
        APIGatewayV2HTTPEvent post = Events.load("device-post.json", APIGatewayV2HTTPEvent.class);
        post.setBody("{\"platform\":\"pager\",\"token\":\"abc\"}");
        APIGatewayV2HTTPResponse response = api.handleRequest(post, new TestContext("r5"));
        assertEquals(400, response.getStatusCode());
        assertEquals("platform", JsonTrees.tree(response.getBody()).path("error").path("field").asText());
        post.setBody("{\"platform\":\"fcm\",\"token\":42}");
        assertEquals(400, api.handleRequest(post, new TestContext("r6")).getStatusCode());
    }

    @Test
    void jonahMutesTypesAndSetsQuietHours() throws Exception {
        APIGatewayV2HTTPEvent put = Events.load("notification-settings-put.json", APIGatewayV2HTTPEvent.class);
        APIGatewayV2HTTPEvent get = Events.load("notification-settings-put.json", APIGatewayV2HTTPEvent.class);
        get.setRouteKey("GET /me/notification-settings");
        get.setBody(null);

        JsonNode before = JsonTrees.tree(api.handleRequest(get, new TestContext("r7")).getBody());
        assertEquals("{\"muted\":[],\"quietHours\":null}", before.toString());

        APIGatewayV2HTTPResponse saved = api.handleRequest(put, new TestContext("r8"));
        assertEquals(200, saved.getStatusCode());
        String expected = "{\"muted\":[\"new_moment\",\"prompt\"],\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}}";
        assertEquals(expected, JsonTrees.tree(saved.getBody()).toString());
        assertEquals(expected, JsonTrees.tree(api.handleRequest(get, new TestContext("r9")).getBody()).toString());

        put.setBody("{\"muted\":[\"everything\"]}");
        assertEquals(400, api.handleRequest(put, new TestContext("r10")).getStatusCode());
    }
}
