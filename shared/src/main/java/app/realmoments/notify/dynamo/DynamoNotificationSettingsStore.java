package app.realmoments.notify.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.NotificationSettingsStore;
import app.realmoments.notify.QuietHours;
import app.realmoments.outbox.NotificationType;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Settings in the users table: {@code USER#u / NOTIFICATION_SETTINGS} (muted: a string set, quietStart, quietEnd). */
public final class DynamoNotificationSettingsStore implements NotificationSettingsStore {

    static final String SORT_KEY = "NOTIFICATION_SETTINGS";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNotificationSettingsStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public NotificationSettings find(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + userId, SORT_KEY)).consistentRead(true)).item();
        return fromItem(item);
    }

    @Override
    public void save(String userId, NotificationSettings settings) {
        Map<String, AttributeValue> item = new HashMap<>(key("USER#" + userId, SORT_KEY));
        if (!settings.muted().isEmpty()) {
            item.put("muted", AttributeValue.fromSs(settings.muted().stream().map(NotificationType::wire).sorted().toList()));
        }
        if (settings.quietHours() != null) {
            item.put("quietStart", s(settings.quietHours().start().toString()));
            item.put("quietEnd", s(settings.quietHours().end().toString()));
        }
        item.put("updatedAt", time(Instant.now()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    static Map<String, AttributeValue> keyOf(String userId) {
        return key("USER#" + userId, SORT_KEY);
    }

    static NotificationSettings fromItem(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return NotificationSettings.DEFAULT;
        }
        Set<NotificationType> muted = EnumSet.noneOf(NotificationType.class);
        AttributeValue stored = item.get("muted");
        if (stored != null && stored.hasSs()) {
            stored.ss().stream().map(NotificationType::fromWire).filter(t -> t != null).forEach(muted::add);
        }
        String start = str(item, "quietStart");
        String end = str(item, "quietEnd");
        QuietHours quiet = start == null || end == null ? null : new QuietHours(LocalTime.parse(start), LocalTime.parse(end));
        return new NotificationSettings(muted, quiet);
    }
}
