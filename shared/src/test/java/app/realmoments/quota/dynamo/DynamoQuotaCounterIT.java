package app.realmoments.quota.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.Attrs;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Against the emulator: racing uses never pass the limit, and a counter carries the TTL that removes it. */
class DynamoQuotaCounterIT {

    private final LocalAws aws = LocalAws.shared();
    private final String table = aws.table("UsersTable");
    private final DynamoQuotaCounter counter = new DynamoQuotaCounter(aws.dynamo(), table);
    private final Instant start = Instant.parse("2026-12-02T00:00:00Z");
    private final Instant end = start.plusSeconds(86_400);

    @Test
    void eightRacingUsesOfALimitOfFiveCountFive() throws Exception {
        String user = "quota-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> uses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            uses.add(pool.submit((Callable<Boolean>) () -> counter.take(user, "COMMENTS", start, end, 5)));
        }
        int counted = 0;
        for (Future<Boolean> use : uses) {
            counted += use.get() ? 1 : 0;
        }
        pool.shutdown();

        assertEquals(5, counted);
        var item = aws.dynamo().getItem(r -> r.tableName(table)
                .key(Attrs.key("USER#" + user, "QUOTA#COMMENTS#" + start.getEpochSecond()))).item();
        assertEquals("5", item.get("used").n());
        assertEquals(Long.toString(end.getEpochSecond() + 3600), item.get("expiresAt").n(), "gone an hour after the window");
    }

    @Test
    void windowsAndRatesCountApart() {
        String user = "quota-" + System.nanoTime();
        assertTrue(counter.take(user, "EXPORTS", start, end, 1));
        assertFalse(counter.take(user, "EXPORTS", start, end, 1));
        assertTrue(counter.take(user, "EXPORTS", end, end.plusSeconds(86_400), 1), "the next day");
        assertTrue(counter.take(user, "REPORTS", start, end, 1), "another rate");
    }
}
