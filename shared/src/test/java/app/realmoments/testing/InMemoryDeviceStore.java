package app.realmoments.testing;

import app.realmoments.notify.Device;
import app.realmoments.notify.DeviceStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

public final class InMemoryDeviceStore implements DeviceStore {

    private final Map<String, Device> devices = new HashMap<>();
    private final Map<String, Device> claims = new HashMap<>();

    @Override
    public synchronized Registered register(Device candidate) {
        Device holder = claims.get(candidate.tokenHash());
        boolean mine = holder != null && holder.userId().equals(candidate.userId());
        Device device = mine
                ? new Device(candidate.userId(), holder.deviceId(), candidate.platform(), candidate.tokenHash(),
                        candidate.endpointArn(), holder.createdAt())
                : candidate;
        if (holder != null && !mine) {
            devices.remove(holder.userId() + "/" + holder.deviceId());
        }
        claims.put(device.tokenHash(), device);
        devices.put(device.userId() + "/" + device.deviceId(), device);
        return new Registered(device, !mine);
    }

    @Override
    public synchronized Optional<Device> find(String userId, String deviceId) {
        return Optional.ofNullable(devices.get(userId + "/" + deviceId));
    }

    @Override
    public synchronized List<Device> devicesOf(String userId) {
        return new ArrayList<>(devices.values().stream().filter(d -> d.userId().equals(userId)).toList());
    }

    @Override
    public synchronized boolean remove(Device device) {
        devices.remove(device.userId() + "/" + device.deviceId());
        Device holder = claims.get(device.tokenHash());
        if (holder != null && holder.userId().equals(device.userId()) && Objects.equals(holder.deviceId(), device.deviceId())) {
            claims.remove(device.tokenHash());
            return true;
        }
        return false;
    }

    public synchronized String claimHolder(String tokenHash) {
        Device holder = claims.get(tokenHash);
        return holder == null ? null : holder.userId();
    }
}
