package app.realmoments.notify;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.quota.Quotas;
import app.realmoments.time.Times;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** {@code POST /me/devices} and {@code DELETE /me/devices/{deviceId}}: the phones a user's pushes go to. */
public final class DeviceService {

    /** FCM registration tokens run to about 200 characters, APNs device tokens are 64 hex digits. */
    static final int MAX_TOKEN_LENGTH = 4096;

    private final DeviceStore devices;
    private final PushGateway push;
    private final Ids ids;
    private final Clock clock;

    private final Quotas quotas;

    public DeviceService(DeviceStore devices, PushGateway push, Ids ids, Clock clock, Quotas quotas) {
        this.quotas = quotas;
        this.devices = devices;
        this.push = push;
        this.ids = ids;
        this.clock = clock;
    }

    public record Registration(String platform, String token) {
    }

    public record View(String deviceId, PushPlatform platform, String createdAt) {
    }

    public record Registered(View device, boolean created) {
    }

    public Registered register(String userId, Registration request) {
        PushPlatform platform = PushPlatform.fromWire(request.platform());
        if (platform == null) {
            throw Problem.invalid("platform", "platform must be \"fcm\" or \"apns\"");
        }
        String token = request.token();
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH || !token.strip().equals(token)) {
            throw Problem.invalid("token", "token must be the push token the platform gave the app");
        }
        String hash = tokenHash(platform, token);
        List<Device> held = devices.devicesOf(userId);
        if (held.stream().noneMatch(d -> d.tokenHash().equals(hash))) {
            quotas.below(Quotas.Cap.DEVICES, held.size()); // a phone already registered may register again
        }
        // the endpoint first: SNS returns the same one for the same token, so a retry after a failed write is harmless
        String endpoint = push.supports(platform) ? push.createEndpoint(platform, token) : null;
        var now = clock.instant();
        DeviceStore.Registered registered = devices.register(
                new Device(userId, ids.next(now), platform, hash, endpoint, now));
        return new Registered(view(registered.device()), registered.created());
    }

    public void remove(String userId, String deviceId) {
        if (!Ids.isWellFormed(deviceId)) {
            throw Problem.notFound("device");
        }
        Device device = devices.find(userId, deviceId).orElseThrow(() -> Problem.notFound("device"));
        if (devices.remove(device) && device.endpointArn() != null) {
            push.deleteEndpoint(device.endpointArn());
        }
    }

    /** The claim's key: the token never rests in the table. */
    static String tokenHash(PushPlatform platform, String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((platform.wire() + ":" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static View view(Device device) {
        return new View(device.deviceId(), device.platform(), Times.iso(device.createdAt()));
    }
}
