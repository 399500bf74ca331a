package app.realmoments.notify;

import java.util.List;
import java.util.Optional;

/** Registered devices, and the claim that gives each push token to exactly one user. */
public interface DeviceStore {

    /**
     * Registers the device and claims its token in one transaction. A token this user already
     * registered keeps its device id (the returned device, {@code created} false); a token another user
     * held leaves that user's devices in the same transaction.
     */
    Registered register(Device candidate);

    Optional<Device> find(String userId, String deviceId);

    /** Every device of the user (one Query). */
    List<Device> devicesOf(String userId);

    /**
     * Removes the device; true when it still held its token's claim (so its push endpoint is no one
     * else's and may be deleted too).
     */
    boolean remove(Device device);

    /**
     * Records {@code devices} (just read with {@link #devicesOf}) as the user's whole device list, where a
     * store keeps one for reading many users' devices at once; devices registered or removed meanwhile win.
     */
    default void remember(String userId, List<Device> devices) {
    }

    record Registered(Device device, boolean created) {
    }
}
