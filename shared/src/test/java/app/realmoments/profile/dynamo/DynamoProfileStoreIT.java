package app.realmoments.profile.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.profile.Profile;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DynamoProfileStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final DynamoProfileStore store = new DynamoProfileStore(LocalAws.shared().dynamo(),
            LocalAws.shared().table("UsersTable"));

    @Test
    void aProfileIsSavedFoundAndFoundInBatches() {
        String ana = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        store.save(profile(ana, "ana_" + ana.substring(0, 8)), null);
        store.save(profile(ben, "ben_" + ben.substring(0, 8)), null);

        assertEquals(profile(ana, "ana_" + ana.substring(0, 8)), store.find(ana).orElseThrow());
        assertTrue(store.find(UUID.randomUUID().toString()).isEmpty());
        assertEquals(2, store.findAll(List.of(ana, ben, UUID.randomUUID().toString(), ana)).size());
    }

    @Test
    void aSavedProfileNeverCarriesACampus() {
        String ana = UUID.randomUUID().toString();
        String handle = "c" + ana.substring(0, 8);
        store.save(new Profile(ana, handle, "Ana", "north", NOW, NOW, NOW), null);

        assertEquals(new Profile(ana, handle, "Ana", null, NOW, NOW, null), store.find(ana).orElseThrow());
    }

    @Test
    void changingHandleReleasesTheOldOne() {
        String ana = UUID.randomUUID().toString();
        String ben = UUID.randomUUID().toString();
        String first = "h" + ana.substring(0, 8);
        store.save(profile(ana, first), null);
        store.save(profile(ana, first + "x"), first);
        store.save(profile(ben, first), null);
        assertEquals(first, store.find(ben).orElseThrow().handle());
    }

    @Test
    void twoUsersRacingForOneHandleExactlyOneWins() throws Exception {
        String handle = "race" + UUID.randomUUID().toString().substring(0, 8);
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                String user = UUID.randomUUID().toString();
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        store.save(profile(user, handle), null);
                        return true;
                    } catch (Problem problem) {
                        assertEquals(409, problem.kind().status);
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        }
        Problem taken = assertThrows(Problem.class, () -> store.save(profile(UUID.randomUUID().toString(), handle), null));
        assertEquals("handle_taken", taken.code());
    }

    /** Concurrent PUT /me of one user with different handles: one wins, no other handle stays claimed. */
    @Test
    void concurrentUpdatesOfOneProfileLeaveOnlyTheWinnersHandle() throws Exception {
        String ana = UUID.randomUUID().toString();
        String base = "u" + ana.substring(0, 8);
        int racers = 6;
        for (String round : List.of("a", "b")) {
            // a: two first creates; b: two changes of the profile round a left
            Profile previous = store.find(ana).orElse(null);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
                for (int i = 0; i < racers; i++) {
                    String handle = base + round + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        try {
                            store.update(previous, new Profile(ana, handle, "Ana", "north", NOW, Instant.now(), null));
                            return handle;
                        } catch (Problem problem) {
                            assertEquals(409, problem.kind().status);
                            return null;
                        }
                    }));
                }
                start.countDown();
                List<String> winners = new ArrayList<>();
                for (Future<String> result : results) {
                    if (result.get() != null) {
                        winners.add(result.get());
                    }
                }
                assertEquals(1, winners.size(), "round " + round);
                assertEquals(winners.getFirst(), store.find(ana).orElseThrow().handle());
                for (int i = 0; i < racers; i++) {
                    String handle = base + round + i;
                    if (!handle.equals(winners.getFirst())) {
                        store.save(profile(UUID.randomUUID().toString(), handle), null); // free: not taken
                    }
                }
            }
        }
    }

    private static Profile profile(String userId, String handle) {
        return new Profile(userId, handle, "Name " + handle, null, NOW, NOW, null);
    }
}
