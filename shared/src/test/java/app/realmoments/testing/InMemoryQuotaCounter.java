package app.realmoments.testing;

import app.realmoments.quota.QuotaCounter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Quota counters in memory: one count per user, rate and window start. */
public final class InMemoryQuotaCounter implements QuotaCounter {

    public final Map<String, Integer> used = new HashMap<>();

    @Override
    public synchronized boolean take(String userId, String rate, Instant start, Instant end, int limit) {
        String key = userId + "/" + rate + "/" + start.getEpochSecond();
        int count = used.getOrDefault(key, 0);
        if (count >= limit) {
            return false;
        }
        used.put(key, count + 1);
        return true;
    }
}
