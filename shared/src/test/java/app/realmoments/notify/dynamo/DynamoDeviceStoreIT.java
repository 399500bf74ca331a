package app.realmoments.notify.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.id.Ids;
import app.realmoments.notify.Device;
import app.realmoments.notify.DeviceStore;
import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.QuietHours;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoDeviceStoreIT {

    private final DynamoDeviceStore store = new DynamoDeviceStore(LocalAws.shared().dynamo(), LocalAws.shared().table("UsersTable"));
    private final DynamoNotificationSettingsStore settings =
            new DynamoNotificationSettingsStore(LocalAws.shared().dynamo(), LocalAws.shared().table("UsersTable"));
    private final Ids ids = new Ids();

    private Device device(String user, String hash) {
        Instant now = Instant.now();
        return new Device(user, ids.next(now), PushPlatform.APNS, hash, "arn:aws:sns:us-east-1:123456789012:endpoint/APNS/app/" + hash, now);
    }

    @Test
    void aTokenIsOneDevicePerUserAndMovesWithItsClaim() {
        String ana = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        String hash = UUID.randomUUID().toString();
        DeviceStore.Registered first = store.register(device(ana, hash));
        DeviceStore.Registered again = store.register(device(ana, hash));
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.device().deviceId(), again.device().deviceId());
        assertEquals(1, store.devicesOf(ana).size());

        DeviceStore.Registered moved = store.register(device(ben, hash));
        assertTrue(moved.created());
        assertTrue(store.devicesOf(ana).isEmpty(), "the token left Ana in the same transaction");
        assertFalse(store.remove(first.device()), "Ana's old device no longer holds the claim");
        assertTrue(store.remove(moved.device()));
        assertTrue(store.devicesOf(ben).isEmpty());
    }

    /** What the dispatcher reads with the recipient's settings: the device list item. */
    private java.util.List<Device> listed(String user) {
        var item = LocalAws.shared().dynamo().getItem(r -> r.tableName(LocalAws.shared().table("UsersTable"))
                .key(DynamoDeviceStore.listKey(user)).consistentRead(true)).item();
        return DynamoDeviceStore.fromList(user, item);
    }

    @Test
    void theDeviceListFollowsEveryRegistrationMoveAndRemoval() {
        String ana = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        String phone = UUID.randomUUID().toString();
        String tablet = UUID.randomUUID().toString();
        Device first = store.register(device(ana, phone)).device();
        Device second = store.register(device(ana, tablet)).device();
        assertEquals(store.devicesOf(ana), listed(ana));
        assertEquals(2, listed(ana).size());

        Device moved = store.register(device(ben, phone)).device(); // Ana's phone is Ben's now
        assertEquals(java.util.List.of(second), listed(ana));
        assertEquals(java.util.List.of(moved), listed(ben));
        store.remove(second);
        assertEquals(java.util.List.of(), listed(ana), "known to be empty, so no Query is needed for Ana");
        assertFalse(first.deviceId().equals(moved.deviceId()));
    }

    @Test
    void devicesRegisteredBeforeTheListExistedAreListedOnceRemembered() {
        String cal = UUID.randomUUID().toString();
        Device old = device(cal, UUID.randomUUID().toString());
        LocalAws.shared().dynamo().putItem(r -> r.tableName(LocalAws.shared().table("UsersTable"))
                .item(DynamoDeviceStore.toItem(old))); // as the store wrote devices before it kept a list
        assertEquals(null, listed(cal), "no list: the dispatcher must ask");
        store.remember(cal, store.devicesOf(cal));
        assertEquals(java.util.List.of(old), listed(cal));
    }

    @Test
    void settingsRoundTrip() {
        String ana = UUID.randomUUID().toString();
        assertEquals(NotificationSettings.DEFAULT, settings.find(ana));
        NotificationSettings mine = new NotificationSettings(java.util.Set.of(NotificationType.REACTION, NotificationType.PROMPT),
                new QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0)));
        settings.save(ana, mine);
        assertEquals(mine, settings.find(ana));
    }
}
