package app.realmoments.functions.accounteraser;

import static app.realmoments.events.TestEvents.failures;
import static app.realmoments.events.TestEvents.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.account.AccountErasure;
import app.realmoments.account.ClosedAccounts;
import app.realmoments.account.ErasableObjects;
import app.realmoments.account.ErasureJob;
import app.realmoments.account.ErasureStore;
import app.realmoments.account.UserDirectory;
import app.realmoments.events.TestEvents;
import app.realmoments.http.TestContext;
import app.realmoments.notify.PushGateway;
import app.realmoments.testing.InMemoryDeviceStore;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMomentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SQS edge: each job runs the walk; a job that fails (or cannot be read) is reported alone, so it comes back. */
class AccountEraserTest {

    private final List<String> poolDeletes = new ArrayList<>();
    private final List<ErasureJob> sweeps = new ArrayList<>();

    /** A user with nothing left but the pool user: enough to see the edge run the walk and report failures. */
    private final ErasureStore nothingLeft = new ErasureStore() {
        @Override
        public Optional<ProfileKeys> profileKeys(String userId) {
            if (userId.equals("boom")) {
                throw new IllegalStateException("throttled");
            }
            return Optional.empty();
        }

        @Override
        public List<Edge> edges(String userId) {
            return List.of();
        }

        @Override
        public void removeEdges(String userId, List<Edge> edges) {
        }

        @Override
        public Set<String> requesters(String userId) {
            return Set.of();
        }

        @Override
        public void removeCooldownsNaming(String userId, Collection<String> others) {
        }

        @Override
        public boolean holdsTokenClaim(String userId, String deviceId, String tokenHash) {
            return false;
        }

        @Override
        public void removeTokenClaim(String userId, String deviceId, String tokenHash) {
        }

        @Override
        public void removeHandleClaim(String handle, String userId) {
        }

        @Override
        public void removeSchoolEmailClaim(String schoolEmailHash, String userId) {
        }

        @Override
        public void removeMembership(String campusId, String userId) {
        }

        @Override
        public List<OwnMoment> momentsOf(String userId) {
            return List.of();
        }

        @Override
        public List<Interaction> interactionsBy(String userId) {
            return List.of();
        }

        @Override
        public void removeUncounted(String userId, Interaction interaction) {
        }

        @Override
        public int removeFeedOf(String userId) {
            return 0;
        }

        @Override
        public int removeInboxOf(String userId) {
            return 0;
        }

        @Override
        public int removeCausedNotifications(String userId) {
            return 0;
        }

        @Override
        public int removeUserPartition(String userId) {
            return 0;
        }
    };

    private final AccountEraser eraser = new AccountEraser(new AccountErasure(nothingLeft, new InMemoryDeviceStore(),
            PushGateway.NONE, new InMemoryMomentStore(), new InMemoryFeedStore(),
            new InMemoryInteractionStore(new InMemoryMomentStore()), momentId -> { }, ErasableObjects.NONE,
            ErasableObjects.NONE, new UserDirectory() {
                @Override
                public void disable(String userId) {
                }

                @Override
                public void delete(String userId) {
                    poolDeletes.add(userId);
                }
            }, ClosedAccounts.NONE, (job, delay) -> sweeps.add(job), List.of(), Duration.ofHours(1), Duration.ofSeconds(60),
            Clock.systemUTC()));

    @Test
    void theSampleEventErasesItsUser() {
        assertEquals(List.of(), failures(invoke(eraser, app.realmoments.testing.Events.read("erasure-job-sqs.json"),
                new TestContext("test"))));
        assertEquals(List.of("01JD8X3Q6Z7V9K2M4N5P6R7S8T"), poolDeletes);
    }

    @Test
    void eachJobRunsTheWalkAndAFailingOneIsReportedAlone() {
        String event = TestEvents.batch(List.of(
                TestEvents.sqsRecord("m1", "{\"userId\":\"ana\",\"sweep\":false}"),
                TestEvents.sqsRecord("m2", "{\"userId\":\"boom\",\"sweep\":false}"),
                TestEvents.sqsRecord("m3", "not json"),
                TestEvents.sqsRecord("m4", "{\"userId\":\"bob\",\"sweep\":true,\"pendingMomentIds\":[]}")));

        List<String> failed = failures(invoke(eraser, event, new TestContext("test")));

        assertEquals(List.of("m2", "m3"), failed);
        assertEquals(List.of("ana", "bob"), poolDeletes);
        assertEquals(List.of(new ErasureJob("ana", true, List.of())), sweeps, "a first run queues its sweep");
    }
}
