package app.realmoments.testing;

import app.realmoments.notify.NotificationSettings;
import app.realmoments.notify.NotificationSettingsStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryNotificationSettingsStore implements NotificationSettingsStore {

    private final Map<String, NotificationSettings> settings = new ConcurrentHashMap<>();

    @Override
    public NotificationSettings find(String userId) {
        return settings.getOrDefault(userId, NotificationSettings.DEFAULT);
    }

    @Override
    public void save(String userId, NotificationSettings value) {
        settings.put(userId, value);
    }
}
