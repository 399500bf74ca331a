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

/**
 * Devices in the users table: {@code USER#u / DEVICE#id}, and the token claim
 * {@code DEVICE_TOKEN#hash / TOKEN} (userId, deviceId) written in the same transaction, so a token
 * belongs to one user at a time, as a handle does.
 */
public final class DynamoDeviceStore implements DeviceStore {

    static final String DEVICE = "DEVICE#";
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
            if (holder != null && !mine) {
                // the token moved: the previous owner's phone is now someone else's
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key("USER#" + holder, DEVICE + heldDevice))).build());
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
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(claimKey(device.tokenHash()))
                    .conditionExpression("userId = :me AND deviceId = :device")
                    .expressionAttributeValues(Map.of(":me", s(device.userId()), ":device", s(device.deviceId()))));
            return true;
        } catch (ConditionalCheckFailedException movedOn) {
            return false;
        }
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
