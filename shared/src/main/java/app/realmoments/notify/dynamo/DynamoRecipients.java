package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.str;

import app.realmoments.aws.BatchGet;
import app.realmoments.notify.Device;
import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.Recipients;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recipients in BatchGetItems of the users table (100 keys each, however many jobs they serve): for each
 * recipient their notification settings and their device list ({@code USER#u / PUSH_DEVICES}), their profile
 * (campus) unless the job names the campus, and with an actor the two block items between them and the
 * actor's profile (name). Strongly consistent where blocks are read, eventually consistent otherwise.
 */
public final class DynamoRecipients implements Recipients {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoRecipients(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Recipient load(String recipientId, String actorId) {
        Ask ask = new Ask(recipientId, actorId, null);
        return loadAll(List.of(ask)).get(ask);
    }

    @Override
    public Map<Ask, Recipient> loadAll(Collection<Ask> asks) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (Ask ask : asks) {
            String recipient = ask.recipientId();
            keys.add(DynamoNotificationSettingsStore.keyOf(recipient));
            keys.add(DynamoDeviceStore.listKey(recipient));
            if (ask.campusId() == null) {
                keys.add(key("USER#" + recipient, "PROFILE"));
            }
            if (other(ask)) {
                keys.add(key("USER#" + ask.actorId(), "PROFILE"));
                keys.add(key("USER#" + recipient, "BLOCK#" + ask.actorId()));
                keys.add(key("USER#" + recipient, "BLOCKED_BY#" + ask.actorId()));
            }
        }
        // A block must be seen the moment it is made, so reads are strongly consistent when any job has an
        // actor; a batch of prompts has none and reads at half the cost (settings and devices a second old).
        boolean blocksToCheck = asks.stream().anyMatch(DynamoRecipients::other);
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchGet.items(dynamo, table, keys, blocksToCheck)) {
            found.put(str(item, "pk") + "\n" + str(item, "sk"), item);
        }
        Map<Ask, Recipient> loaded = new LinkedHashMap<>();
        for (Ask ask : asks) {
            String pk = "USER#" + ask.recipientId();
            boolean blocked = other(ask) && (found.containsKey(pk + "\nBLOCK#" + ask.actorId())
                    || found.containsKey(pk + "\nBLOCKED_BY#" + ask.actorId()));
            Map<String, AttributeValue> settings = found.get(pk + "\n" + DynamoNotificationSettingsStore.SORT_KEY);
            Map<String, AttributeValue> profile = found.get(pk + "\nPROFILE");
            Map<String, AttributeValue> actor = ask.actorId() == null ? null : found.get("USER#" + ask.actorId() + "\nPROFILE");
            List<Device> devices = DynamoDeviceStore.fromList(ask.recipientId(), found.get(pk + "\n" + DynamoDeviceStore.LIST));
            loaded.put(ask, new Recipient(blocked,
                    ask.campusId() != null ? ask.campusId() : profile == null ? null : DynamoProfileStore.fromItem(profile).campusId(),
                    settings == null ? NotificationSettings.DEFAULT : DynamoNotificationSettingsStore.fromItem(settings),
                    actor == null ? null : str(actor, "displayName"), devices));
        }
        return loaded;
    }

    private static boolean other(Ask ask) {
        return ask.actorId() != null && !ask.actorId().equals(ask.recipientId());
    }
}
