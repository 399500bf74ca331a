package app.realmoments.notify;

public interface NotificationSettingsStore {

    /** The user's settings, {@link NotificationSettings#DEFAULT} when never saved. */
    NotificationSettings find(String userId);

    void save(String userId, NotificationSettings settings);
}
