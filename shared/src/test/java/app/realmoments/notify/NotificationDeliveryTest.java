package app.realmoments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.id.Ids;
import app.realmoments.json.Json;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryNotificationSettingsStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryPushGrouping;
import app.realmoments.testing.PortRecipients;
import app.realmoments.testing.RecordingPushGateway;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationDeliveryTest {

    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");
    private static final String MOMENT = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final FakeSocialGraph graph = new FakeSocialGraph().block("ben", "eve");
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryNotificationSettingsStore settings = new InMemoryNotificationSettingsStore();
    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM, PushPlatform.APNS);
    private final AtomicReference<Instant> now = new AtomicReference<>(AT);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final CampusTimeZones zones = InMemoryCampusRegistry.zones("uc-berkeley=America/Los_Angeles", "America/New_York");
    private final DeviceService deviceService = new DeviceService(devices, push, new Ids(), clock, Services.noQuotas());
    private NotificationDelivery delivery = deliveryWith(push);

    private NotificationDelivery deliveryWith(PushGateway gateway) {
        return new NotificationDelivery(inbox, PortRecipients.of(graph, profiles, settings), devices, gateway,
                new InMemoryPushGrouping(), zones, clock);
    }

    @BeforeEach
    void people() {
        profiles.save(new Profile("ben", "ben", "Ben", "uc-berkeley", AT, AT, null), null);
        profiles.save(new Profile("ana", "ana", "Ana", "uc-berkeley", AT, AT, null), null);
        profiles.save(new Profile("eve", "eve", "Eve", "uc-berkeley", AT, AT, null), null);
        deviceService.register("ben", new DeviceService.Registration("fcm", "ben-android-token"));
        deviceService.register("ben", new DeviceService.Registration("apns", "ben-iphone-token"));
        deviceService.register("eve", new DeviceService.Registration("fcm", "eve-token"));
    }

    private static NotificationJob job(NotificationType type, String to, String from, Instant at) {
        return NotificationJob.of(type, to, from, MOMENT, null, at);
    }

    @Test
    void aJobDeliveredTwiceIsOneInboxItemAndOnePushPerDevice() {
        NotificationJob job = job(NotificationType.NEW_MOMENT, "ben", "ana", AT);
        NotificationDelivery.Result first = delivery.deliver(job);
        assertEquals(NotificationDelivery.Outcome.DELIVERED, first.outcome());
        assertEquals(2, first.pushed());
        assertEquals(NotificationDelivery.Outcome.DUPLICATE, delivery.deliver(job).outcome());
        assertEquals(1, inbox.of("ben").size());
        assertEquals(List.of("Ana posted a moment", "Ana posted a moment"), push.bodies());
        assertEquals(job.notificationId(), push.pushes.getFirst().message().data().get("notificationId"));
    }

    @Test
    void aPromptForManyMembersReachesEachOnceHowOftenItArrivesAndKeepsEachOnesSettings() {
        settings.save("ana", new NotificationSettings(Set.of(NotificationType.PROMPT), null)); // push muted
        settings.save("eve", new NotificationSettings(Set.of(), new QuietHours(LocalTime.of(3, 0), LocalTime.of(5, 0))));
        deviceService.register("ana", new DeviceService.Registration("fcm", "ana-token"));
        now.set(Instant.parse("2026-11-29T12:00:05Z")); // 04:00 in Berkeley: Eve's quiet hours
        NotificationJob prompt = NotificationJob.forMany(NotificationType.PROMPT, List.of("ben", "ana", "eve"), null, null,
                "uc-berkeley", AT);
        NotificationJob twin = Json.read(Json.write(prompt), NotificationJob.class); // the same message twice
        NotificationDelivery.Batch batch = delivery.prepare(List.of(prompt, twin));
        NotificationDelivery.Result first = batch.deliver(prompt);
        assertEquals(NotificationDelivery.Outcome.DELIVERED, first.outcome());
        assertEquals(3, first.notified());
        assertEquals(2, first.pushed(), "Ben's two devices; Ana muted the push, Eve is asleep");
        assertEquals(0, batch.deliver(twin).notified(), "its twin in the batch writes and pushes nothing");
        assertEquals(NotificationDelivery.Outcome.DUPLICATE, delivery.deliver(prompt).outcome(), "redelivered");
        assertEquals(2, push.pushes.size());
        for (String member : List.of("ben", "ana", "eve")) {
            assertEquals(List.of(NotificationJob.of(NotificationType.PROMPT, member, null, null, "uc-berkeley", AT)
                    .notificationId()), inbox.of(member).stream().map(InboxItem::notificationId).toList());
            assertEquals(now.get(), inbox.notifiedAt(member, inbox.of(member).getFirst().notificationId()).orElseThrow());
        }
        assertEquals(3, inbox.writes, "a job for many writes its own items, just before its pushes: one write each");
    }

    @Test
    void aBatchOfJobsIsReadAndWrittenTogetherAndAPoisonJobFailsAlone() {
        NotificationJob comment = job(NotificationType.COMMENT, "ben", "ana", AT);
        NotificationJob request = job(NotificationType.FRIEND_REQUEST, "eve", "ana", AT);
        NotificationJob poison = new NotificationJob("x", NotificationType.NEW_MOMENT, "ben", null, null, null, AT.toString());
        NotificationDelivery.Batch batch = delivery.prepare(List.of(comment, poison, request));
        assertEquals(1, inbox.writes, "both valid jobs' inbox items in one write");
        assertEquals(NotificationDelivery.Outcome.DELIVERED, batch.deliver(comment).outcome());
        assertThrows(IllegalArgumentException.class, () -> batch.deliver(poison));
        assertEquals(NotificationDelivery.Outcome.DELIVERED, batch.deliver(request).outcome());
        assertEquals(1, inbox.writes, "delivering did not write again");
        assertEquals(3, push.pushes.size());
    }

    @Test
    void aJobForManyIsRefusedWhenItCarriesTooManyOrBlankRecipients() {
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i <= NotificationJob.MAX_RECIPIENTS; i++) {
            many.add("member-" + i);
        }
        assertThrows(IllegalArgumentException.class, () -> NotificationJob.forMany(NotificationType.PROMPT, many, null,
                null, "north", AT));
        NotificationJob forged = new NotificationJob(MOMENT, NotificationType.PROMPT, null, null, null, "north",
                AT.toString(), many);
        assertThrows(IllegalArgumentException.class, () -> delivery.deliver(forged));
        assertThrows(IllegalArgumentException.class, () -> delivery.deliver(new NotificationJob(MOMENT,
                NotificationType.PROMPT, null, null, null, "north", AT.toString(), List.of("ben", " "))));
        assertTrue(inbox.items.isEmpty());
    }

    @Test
    void nothingCrossesABlockInEitherDirection() {
        assertEquals(NotificationDelivery.Outcome.SUPPRESSED, delivery.deliver(job(NotificationType.REACTION, "ben", "eve", AT)).outcome());
        assertEquals(NotificationDelivery.Outcome.SUPPRESSED, delivery.deliver(job(NotificationType.REACTION, "eve", "ben", AT)).outcome());
        assertEquals(0, inbox.items.size());
        assertTrue(push.pushes.isEmpty());
    }

    @Test
    void aJobThatCanNeverBeDeliveredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> delivery.deliver(
                new NotificationJob("x", NotificationType.NEW_MOMENT, "ben", null, null, null, AT.toString())));
        assertThrows(IllegalArgumentException.class, () -> delivery.deliver(
                new NotificationJob(MOMENT, null, "ben", null, null, null, AT.toString())));
        assertThrows(IllegalArgumentException.class, () -> delivery.deliver(
                new NotificationJob(MOMENT, NotificationType.PROMPT, "ben", null, null, null, "yesterday")));
    }

    @Test
    void derivedIdsFollowTheCauseAndSortByItsTime() {
        NotificationJob a = NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "m1", null, AT);
        NotificationJob b = NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "m2", null, AT.plusSeconds(1));
        assertEquals(a.notificationId(), NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "m1", null, AT).notificationId());
        assertEquals(-1, Integer.signum(a.notificationId().compareTo(b.notificationId())));
    }

    @Test
    void aMutedTypeIsNeitherWrittenNorPushed() {
        settings.save("ben", new NotificationSettings(Set.of(NotificationType.NEW_MOMENT), null));
        assertEquals(NotificationDelivery.Outcome.MUTED, delivery.deliver(job(NotificationType.NEW_MOMENT, "ben", "ana", AT)).outcome());
        assertEquals(NotificationDelivery.Outcome.DELIVERED, delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", AT)).outcome());
        assertEquals(List.of(NotificationType.COMMENT), inbox.of("ben").stream().map(InboxItem::type).toList());
    }

    @Test
    void aMutedPromptStillReachesTheInboxButIsNotPushed() {
        settings.save("ben", new NotificationSettings(Set.of(NotificationType.PROMPT), null));
        NotificationJob prompt = NotificationJob.of(NotificationType.PROMPT, "ben", null, null, null, AT);
        assertEquals(NotificationDelivery.Outcome.PUSH_MUTED, delivery.deliver(prompt).outcome());
        assertEquals(1, inbox.of("ben").size());
        assertTrue(push.pushes.isEmpty());
    }

    @Test
    void quietHoursInTheCampusTimeZoneHoldThePushBackButNotTheInboxItem() {
        settings.save("ben", new NotificationSettings(Set.of(), new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0))));
        now.set(Instant.parse("2026-11-30T06:30:00Z")); // 22:30 in Berkeley, 01:30 in New York
        assertEquals(NotificationDelivery.Outcome.QUIET, delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", AT)).outcome());
        now.set(Instant.parse("2026-11-30T15:00:00Z")); // 07:00 in Berkeley: quiet hours are over
        assertEquals(NotificationDelivery.Outcome.DELIVERED,
                delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", AT.plusSeconds(1))).outcome());
        assertEquals(2, inbox.of("ben").size());
        assertEquals(2, push.pushes.size(), "only the second one, on both devices");
    }

    @Test
    void manyReactionsToOneMomentMakeOnePushAndTheNextPushCountsThem() {
        Instant t = AT;
        List<String> actors = List.of("ana", "cal", "dee", "fay", "gus");
        for (String actor : actors) {
            delivery.deliver(job(NotificationType.REACTION, "ben", actor, t));
            t = t.plusSeconds(30);
            now.set(t);
        }
        assertEquals(5, inbox.of("ben").size(), "one inbox item per reaction");
        assertEquals(List.of("Ana reacted to your moment", "Ana reacted to your moment"), push.bodies());

        now.set(AT.plus(PushGrouping.WINDOW).plusSeconds(1));
        assertEquals(NotificationDelivery.Outcome.DELIVERED,
                delivery.deliver(job(NotificationType.REACTION, "ben", "ana", now.get())).outcome());
        assertEquals("Ana and 4 others reacted to your moment", push.bodies().getLast());
    }

    @Test
    void manyCommentsOnOneMomentMakeOnePushTooApartFromItsReactions() {
        List<String> actors = List.of("ana", "cal", "dee");
        Instant t = AT;
        for (String actor : actors) {
            delivery.deliver(job(NotificationType.COMMENT, "ben", actor, t));
            t = t.plusSeconds(30);
            now.set(t);
        }
        delivery.deliver(job(NotificationType.REACTION, "ben", "ana", t));
        assertEquals(4, inbox.of("ben").size());
        assertEquals(List.of("Ana commented on your moment", "Ana commented on your moment",
                "Ana reacted to your moment", "Ana reacted to your moment"), push.bodies(), "a window per kind");

        now.set(AT.plus(PushGrouping.WINDOW).plusSeconds(1));
        delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", now.get()));
        assertEquals("Ana and 2 others commented on your moment", push.bodies().getLast());
    }

    @Test
    void aDeviceWhoseEndpointThePlatformDisabledIsRemoved() {
        Device android = devices.devicesOf("ben").stream().filter(d -> d.platform() == PushPlatform.FCM).findFirst().orElseThrow();
        push.disabled.add(android.endpointArn());
        NotificationDelivery.Result result = delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", AT));
        assertEquals(1, result.pushed());
        assertEquals(1, result.pushFailures());
        assertEquals(1, result.devicesRemoved());
        assertEquals(List.of(PushPlatform.APNS), devices.devicesOf("ben").stream().map(Device::platform).toList());
        assertEquals(List.of(android.endpointArn()), push.deleted);
    }

    @Test
    void aPushThatFailsIsCountedAndTheJobStillSucceeds() {
        devices.devicesOf("ben").forEach(d -> push.failing.add(d.endpointArn()));
        NotificationDelivery.Result result = delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", AT));
        assertEquals(NotificationDelivery.Outcome.DELIVERED, result.outcome());
        assertEquals(2, result.pushFailures());
        assertEquals(2, devices.devicesOf("ben").size(), "a failure is not a disabled endpoint");
    }

    @Test
    void withNoPushPlatformConfiguredNotificationsAreInboxOnly() {
        delivery = deliveryWith(PushGateway.NONE);
        assertEquals(NotificationDelivery.Outcome.INBOX_ONLY, delivery.deliver(job(NotificationType.COMMENT, "ben", "ana", AT)).outcome());
        assertEquals(1, inbox.of("ben").size());
    }

    @Test
    void quietHoursMayWrapPastMidnightOrNot() {
        QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertTrue(night.contains(LocalTime.of(23, 59)));
        assertTrue(night.contains(LocalTime.of(0, 0)));
        assertTrue(!night.contains(LocalTime.of(7, 0)));
        assertTrue(!night.contains(LocalTime.of(21, 59)));
        QuietHours lectures = new QuietHours(LocalTime.of(9, 0), LocalTime.of(12, 0));
        assertTrue(lectures.contains(LocalTime.of(9, 0)));
        assertTrue(!lectures.contains(LocalTime.of(12, 0)));
        assertTrue(!lectures.contains(LocalTime.of(8, 0).plus(Duration.ofMinutes(59))));
    }
}
