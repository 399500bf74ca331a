package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.str;

import app.realmoments.aws.BatchGet;
import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.Recipients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A job's recipient in one BatchGetItem of the users table: the two block items between recipient and
 * actor, the recipient's profile (campus) and notification settings, and the actor's profile (name).
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
        boolean other = actorId != null && !actorId.equals(recipientId);
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key("USER#" + recipientId, "PROFILE"));
        keys.add(DynamoNotificationSettingsStore.keyOf(recipientId));
        if (other) { // the actor's name; as the recipient, their profile is already asked for
            keys.add(key("USER#" + actorId, "PROFILE"));
            keys.add(key("USER#" + recipientId, "BLOCK#" + actorId));
            keys.add(key("USER#" + recipientId, "BLOCKED_BY#" + actorId));
        }
        boolean blocked = false;
        String campus = null;
        String actorName = null;
        NotificationSettings settings = NotificationSettings.DEFAULT;
        for (Map<String, AttributeValue> item : BatchGet.items(dynamo, table, keys, true)) {
            String pk = str(item, "pk");
            String sk = str(item, "sk");
            if (sk.startsWith("BLOCK")) {
                blocked = true;
            } else if (sk.equals(DynamoNotificationSettingsStore.SORT_KEY)) {
                settings = DynamoNotificationSettingsStore.fromItem(item);
            } else if (pk.equals("USER#" + recipientId)) {
                campus = str(item, "campusId");
            }
            if (actorId != null && pk.equals("USER#" + actorId) && sk.equals("PROFILE")) {
                actorName = str(item, "displayName");
            }
        }
        return new Recipient(blocked, campus, settings, actorName);
    }
}
