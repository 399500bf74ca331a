package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.error.Problem;
import app.realmoments.notify.Device;
import app.realmoments.notify.DeviceStore;
import app.realmoments.notify.PushPlatform;
import app.realmoments.retry.Backoff;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Devices in the users table: {@code USER#u / DEVICE#id}, and the token claim
 * {@code DEVICE_TOKEN#hash / TOKEN} (userId, deviceId) written in the same transaction, so a token
 * belongs to one user at a time, as a handle does.
 *
 * <p>The same transaction keeps the user's device list {@code USER#u / PUSH_DEVICES}: an attribute
 * {@code d_<deviceId>} per device (a map of platform, tokenHash, endpointArn, createdAt) and
 * {@code complete = true} once it is known to hold every device. The dispatcher reads it with the
 * recipient's settings in one BatchGetItem for many recipients instead of a Query each; a list that is not
 * complete (devices registered before it existed) is answered by the Query once and then remembered.
 * Every change is an UpdateItem of one device's attribute, so concurrent changes never overwrite each other.
 */
public final class DynamoDeviceStore implements DeviceStore {

    static final String DEVICE = "DEVICE#";
    static final String LIST = "PUSH_DEVICES";
    private static final String PREFIX = "d_";
    private static final String TOKEN = "TOKEN";
    private static final int ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDeviceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Registered register(Device candidate) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (attempt > 1) {
                Backoff.STANDARD.pause(attempt - 1);
            }
            var claim = dynamo.getItem(r -> r.tableName(table).key(claimKey(candidate.tokenHash())).consistentRead(true)).item();
            String holder = claim == null || claim.isEmpty() ? null : str(claim, "userId");
            String heldDevice = holder == null ? null : str(claim, "deviceId");
            boolean mine = candidate.userId().equals(holder);
            Device device = mine
                    ? new Device(candidate.userId(), heldDevice, candidate.platform(), candidate.tokenHash(),
                            candidate.endpointArn(), candidate.createdAt())
                    : candidate;
            if (mine) {
                Optional<Device> existing = find(candidate.userId(), heldDevice);
                if (existing.isPresent() && java.util.Objects.equals(existing.get().endpointArn(), candidate.endpointArn())) {
                    return new Registered(existing.get(), false);
                }
            }
            List<Device> listed = devicesOf(candidate.userId()); // the list the transaction makes complete
            List<TransactWriteItem> writes = new ArrayList<>();
            Map<String, AttributeValue> claimItem = new HashMap<>(claimKey(device.tokenHash()));
            claimItem.put("userId", s(device.userId()));
            claimItem.put("deviceId", s(device.deviceId()));
            if (holder == null) {
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(claimItem)
                        .conditionExpression("attribute_not_exists(pk)")).build());
            } else {
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(claimItem)
                        .conditionExpression("userId = :holder AND deviceId = :held")
                        .expressionAttributeValues(Map.of(":holder", s(holder), ":held", s(heldDevice)))).build());
            }
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(toItem(device))).build());
            writes.add(TransactWriteItem.builder().update(listing(device, listed)).build());
            if (holder != null && !mine) {
                // the token moved: the previous owner's phone is now someone else's
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key("USER#" + holder, DEVICE + heldDevice))).build());
                writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(listKey(holder))
                        .updateExpression("REMOVE #d").expressionAttributeNames(Map.of("#d", PREFIX + heldDevice))).build());
            }
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return new Registered(device, !mine);
            } catch (TransactionCanceledException raced) {
                // the claim changed between the read and the write: read it again
            }
        }
        throw Problem.conflict("conflict", "the device was registered at the same time; try again", null);
    }

    @Override
    public Optional<Device> find(String userId, String deviceId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + userId, DEVICE + deviceId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<Device> devicesOf(String userId) {
        List<Device> devices = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(r -> r.tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :device)")
                    .expressionAttributeValues(Map.of(":pk", s("USER#" + userId), ":device", s(DEVICE)))
                    .exclusiveStartKey(from));
            response.items().forEach(item -> devices.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return devices;
    }

    @Override
    public boolean remove(Device device) {
        dynamo.deleteItem(r -> r.tableName(table).key(key("USER#" + device.userId(), DEVICE + device.deviceId())));
        dynamo.updateItem(r -> r.tableName(table).key(listKey(device.userId()))
                .updateExpression("REMOVE #d").expressionAttributeNames(Map.of("#d", PREFIX + device.deviceId())));
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(claimKey(device.tokenHash()))
                    .conditionExpression("userId = :me AND deviceId = :device")
                    .expressionAttributeValues(Map.of(":me", s(device.userId()), ":device", s(device.deviceId()))));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
    }

    @Override
    public void remember(String userId, List<Device> devices) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET complete = :complete");
        values.put(":complete", AttributeValue.fromBool(true));
        for (int i = 0; i < devices.size(); i++) {
            names.put("#d" + i, PREFIX + devices.get(i).deviceId());
            values.put(":d" + i, listed(devices.get(i)));
            set.append(", #d").append(i).append(" = if_not_exists(#d").append(i).append(", :d").append(i).append(')');
        }
        var request = UpdateItemRequest.builder().tableName(table)
                .key(listKey(userId)).updateExpression(set.toString()).expressionAttributeValues(values);
        if (!names.isEmpty()) {
            request.expressionAttributeNames(names);
        }
        dynamo.updateItem(request.build());
    }

    /** The key of the user's device list. */
    static Map<String, AttributeValue> listKey(String userId) {
        return key("USER#" + userId, LIST);
    }

    /** The devices of a device list item; null when there is none or it is not known to be complete. */
    static List<Device> fromList(String userId, Map<String, AttributeValue> item) {
        if (item == null || item.get("complete") == null || !Boolean.TRUE.equals(item.get("complete").bool())) {
            return null;
        }
        List<Device> devices = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && value.hasM()) {
                Map<String, AttributeValue> d = value.m();
                devices.add(new Device(userId, name.substring(PREFIX.length()), PushPlatform.fromWire(str(d, "platform")),
                        str(d, "tokenHash"), str(d, "endpointArn"), instant(d, "createdAt")));
            }
        });
        devices.sort(java.util.Comparator.comparing(Device::deviceId));
        return devices;
    }

    /** The update that adds {@code device} to its user's list, with the devices listed before (now complete). */
    private Update listing(Device device, List<Device> listed) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET complete = :complete, #new = :new");
        values.put(":complete", AttributeValue.fromBool(true));
        names.put("#new", PREFIX + device.deviceId());
        values.put(":new", listed(device));
        int i = 0;
        for (Device other : listed) {
            if (other.deviceId().equals(device.deviceId())) {
                continue;
            }
            names.put("#d" + i, PREFIX + other.deviceId());
            values.put(":d" + i, listed(other));
            set.append(", #d").append(i).append(" = if_not_exists(#d").append(i).append(", :d").append(i).append(')');
            i++;
        }
        return Update.builder().tableName(table).key(listKey(device.userId()))
                .updateExpression(set.toString()).expressionAttributeNames(names).expressionAttributeValues(values).build();
    }

    private static AttributeValue listed(Device device) {
        Map<String, AttributeValue> value = new HashMap<>();
        value.put("platform", s(device.platform().wire()));
        value.put("tokenHash", s(device.tokenHash()));
        if (device.endpointArn() != null) {
            value.put("endpointArn", s(device.endpointArn()));
        }
        value.put("createdAt", time(device.createdAt()));
        return AttributeValue.fromM(value);
    }

    static Map<String, AttributeValue> toItem(Device device) {
        Map<String, AttributeValue> item = new HashMap<>(key("USER#" + device.userId(), DEVICE + device.deviceId()));
        item.put("userId", s(device.userId()));
        item.put("deviceId", s(device.deviceId()));
        item.put("platform", s(device.platform().wire()));
        item.put("tokenHash", s(device.tokenHash()));
        if (device.endpointArn() != null) {
            item.put("endpointArn", s(device.endpointArn()));
        }
        item.put("createdAt", time(device.createdAt()));
        return item;
    }

    static Device fromItem(Map<String, AttributeValue> item) {
        return new Device(str(item, "userId"), str(item, "deviceId"), PushPlatform.fromWire(str(item, "platform")),
                str(item, "tokenHash"), str(item, "endpointArn"), instant(item, "createdAt"));
    }

    private static Map<String, AttributeValue> claimKey(String tokenHash) {
        return key("DEVICE_TOKEN#" + tokenHash, TOKEN);
    }
}
