package app.realmoments.notify;

import app.realmoments.error.Problem;
import app.realmoments.json.WriteNull;
import app.realmoments.outbox.NotificationType;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code GET/PUT /me/notification-settings}: muted types and quiet hours. */
public final class NotificationSettingsService {

    private static final Pattern CLOCK = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final NotificationSettingsStore store;

    public NotificationSettingsService(NotificationSettingsStore store) {
        this.store = store;
    }

    /** The wire shape: {@code {muted: [types], quietHours: {start: "22:00", end: "07:00"} | null}}. */
    public record View(List<NotificationType> muted, @WriteNull Quiet quietHours) {
    }

    public record Quiet(String start, String end) {
    }

    /** The PUT body: muted as strings, so an unknown type is a 400 that names it. */
    public record Update(List<String> muted, Quiet quietHours) {
    }

    public View get(String userId) {
        return view(store.find(userId));
    }

    public View put(String userId, Update update) {
        Set<NotificationType> muted = EnumSet.noneOf(NotificationType.class);
        if (update.muted() != null) {
            for (String wire : update.muted()) {
                NotificationType type = NotificationType.fromWire(wire);
                if (type == null) {
                    throw Problem.invalid("muted", "muted holds an unknown notification type: " + wire);
                }
                muted.add(type);
            }
        }
        QuietHours quiet = null;
        if (update.quietHours() != null) {
            LocalTime start = clock("quietHours.start", update.quietHours().start());
            LocalTime end = clock("quietHours.end", update.quietHours().end());
            if (start.equals(end)) {
                throw Problem.invalid("quietHours", "quietHours must start and end at different times");
            }
            quiet = new QuietHours(start, end);
        }
        NotificationSettings settings = new NotificationSettings(muted, quiet);
        store.save(userId, settings);
        return view(settings);
    }

    private static LocalTime clock(String field, String value) {
        if (value == null || !CLOCK.matcher(value).matches()) {
            throw Problem.invalid(field, field + " must be a time of day as HH:mm (00:00 to 23:59)");
        }
        return LocalTime.parse(value);
    }

    private static View view(NotificationSettings settings) {
        List<NotificationType> muted = settings.muted().isEmpty() ? List.of() : new ArrayList<>(EnumSet.copyOf(settings.muted()));
        QuietHours q = settings.quietHours();
        return new View(muted, q == null ? null : new Quiet(q.start().toString(), q.end().toString()));
    }
}
