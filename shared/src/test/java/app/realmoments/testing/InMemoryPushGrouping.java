package app.realmoments.testing;

import app.realmoments.notify.PushGrouping;
import app.realmoments.outbox.NotificationType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

public final class InMemoryPushGrouping implements PushGrouping {

    private final Map<String, Instant> windowEnds = new HashMap<>();
    private final Map<String, Long> held = new HashMap<>();

    @Override
    public synchronized Decision claim(String recipientId, NotificationType kind, String momentId, Instant at) {
        String key = recipientId + "/" + kind + "/" + momentId;
        Instant end = windowEnds.get(key);
        if (end == null || !end.isAfter(at)) {
            windowEnds.put(key, at.plus(WINDOW));
            long before = held.getOrDefault(key, 0L);
            held.put(key, 0L);
            return new Decision(true, before);
        }
        held.merge(key, 1L, Long::sum);
        return new Decision(false, 0);
    }
}
