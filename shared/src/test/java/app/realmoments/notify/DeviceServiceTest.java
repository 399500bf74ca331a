package app.realmoments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryQuotaCounter;
import app.realmoments.testing.RecordingPushGateway;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceServiceTest {

    private final InMemoryDeviceStore devices = new InMemoryDeviceStore();
    private final RecordingPushGateway push = new RecordingPushGateway(PushPlatform.FCM);
    private final DeviceService service = new DeviceService(devices, push, new Ids(), Clock.systemUTC(), Services.noQuotas());

    @Test
    void aTokenRegisteredTwiceIsOneDevice() {
        DeviceService.Registered first = service.register("ana", new DeviceService.Registration("fcm", "token-1"));
        DeviceService.Registered again = service.register("ana", new DeviceService.Registration("fcm", "token-1"));
        assertTrue(first.created());
        assertFalse(again.created());
        assertEquals(first.device().deviceId(), again.device().deviceId());
        assertEquals(1, devices.devicesOf("ana").size());
        assertTrue(devices.devicesOf("ana").getFirst().endpointArn().contains(":endpoint/GCM/"));
    }

    @Test
    void aCallerMayRegisterOnlySoManyPhonesButAKnownOneAgain() {
        DeviceService capped = new DeviceService(devices, push, new Ids(), Clock.systemUTC(), Quotas.configured(
                new InMemoryQuotaCounter(), Map.of("QUOTA_DEVICES", "2")::get, Clock.systemUTC()));
        capped.register("ana", new DeviceService.Registration("fcm", "phone-1"));
        capped.register("ana", new DeviceService.Registration("fcm", "phone-2"));

        Problem full = assertThrows(Problem.class, () -> capped.register("ana", new DeviceService.Registration("fcm", "phone-3")));
        assertEquals(429, full.kind().status);
        assertEquals(2, devices.devicesOf("ana").size());
        assertEquals(2, push.endpointsCreated(), "no SNS endpoint was made for the refused phone");
        assertFalse(capped.register("ana", new DeviceService.Registration("fcm", "phone-1")).created(), "a known phone re-registers");
    }

    @Test
    void aTokenThatMovesToAnotherUserLeavesTheFirst() {
        String anas = service.register("ana", new DeviceService.Registration("fcm", "shared-phone")).device().deviceId();
        service.register("ben", new DeviceService.Registration("fcm", "shared-phone"));
        assertTrue(devices.devicesOf("ana").isEmpty());
        assertEquals(1, devices.devicesOf("ben").size());
        assertEquals("ben", devices.claimHolder(DeviceService.tokenHash(PushPlatform.FCM, "shared-phone")));
        Problem gone = assertThrows(Problem.class, () -> service.remove("ana", anas));
        assertEquals(404, gone.kind().status);
        assertTrue(push.deleted.isEmpty(), "ben's endpoint stays");
    }

    @Test
    void removingADeviceDeletesItsEndpoint() {
        String id = service.register("ana", new DeviceService.Registration("fcm", "token-2")).device().deviceId();
        String endpoint = devices.devicesOf("ana").getFirst().endpointArn();
        service.remove("ana", id);
        assertTrue(devices.devicesOf("ana").isEmpty());
        assertEquals(java.util.List.of(endpoint), push.deleted);
        assertEquals(404, assertThrows(Problem.class, () -> service.remove("ana", id)).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> service.remove("ana", "../etc")).kind().status);
    }

    @Test
    void aPlatformWithoutApplicationKeepsTheDeviceWithoutEndpoint() {
        service.register("ana", new DeviceService.Registration("apns", "iphone-token"));
        assertNull(devices.devicesOf("ana").getFirst().endpointArn());
    }

    @Test
    void badRegistrationsAreRefusedNamingTheField() {
        assertEquals("platform", assertThrows(Problem.class,
                () -> service.register("ana", new DeviceService.Registration("sms", "t"))).field());
        assertEquals("platform", assertThrows(Problem.class,
                () -> service.register("ana", new DeviceService.Registration(null, "t"))).field());
        assertEquals("token", assertThrows(Problem.class,
                () -> service.register("ana", new DeviceService.Registration("fcm", " "))).field());
        assertEquals("token", assertThrows(Problem.class,
                () -> service.register("ana", new DeviceService.Registration("fcm", "x".repeat(5000)))).field());
    }
}
