package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.moment.NewMoment.ImageDeclaration;
import app.realmoments.profile.Profile;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryQuotaCounter;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MomentServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryMediaStore media = new InMemoryMediaStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben");
    private final MomentService service = Services.moments(moments, media, profiles, new MomentVisibility(graph, profiles),
            new Ids(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void profiles() {
        for (String user : List.of("ana", "ben", "cai")) {
            profiles.save(new Profile(user, user + "_h", user, "north", NOW, NOW, null), null);
        }
    }

    @Test
    void startingAMomentWritesItPendingAndSignsOneUploadPerImage() {
        MomentService.Started started = service.start("ana", new NewMoment("hi", "friends", List.of(
                new ImageDeclaration("back", "image/jpeg", 1234L), new ImageDeclaration("front", "image/png", 99L))));

        assertTrue(Ids.isWellFormed(started.momentId()));
        assertEquals(MomentStatus.PENDING, started.status());
        assertEquals(2, started.uploads().size());
        MomentService.Upload back = started.uploads().stream().filter(u -> u.role().equals("back")).findFirst().orElseThrow();
        assertEquals("PUT", back.method());
        assertTrue(back.url().contains("uploads/ana/" + started.momentId() + "/back"), back.url());
        assertEquals("1234", back.headers().get("content-length"));
        assertEquals("image/jpeg", back.headers().get("content-type"));
        assertEquals("2026-11-29T12:10:00Z", back.expiresAt());
        assertEquals(MomentStatus.PENDING, moments.get(started.momentId()).status());
        assertEquals(NOW.plus(MomentService.PENDING_LIFETIME), moments.expiries.get(started.momentId()),
                "an abandoned moment must expire");
    }

    @Test
    void aCallerMayHoldOnlySoManyPendingMomentsAndStartOnlySoManyADay() {
        Quotas quotas = Quotas.configured(new InMemoryQuotaCounter(),
                Map.of("QUOTA_PENDING_MOMENTS", "2", "QUOTA_MOMENTS_STARTED", "3/1d")::get, Clock.fixed(NOW, ZoneOffset.UTC));
        MomentService limited = new MomentService(moments, media, profiles, new MomentVisibility(graph, profiles),
                Services.views(media), (authorId, campusId, startedAt) -> null, new Ids(), Clock.fixed(NOW, ZoneOffset.UTC), quotas);
        NewMoment request = new NewMoment(null, "friends", List.of(new ImageDeclaration("back", "image/jpeg", 1L)));
        String first = limited.start("ana", request).momentId();
        limited.start("ana", request);

        Problem pending = assertThrows(Problem.class, () -> limited.start("ana", request));
        assertEquals(429, pending.kind().status);
        assertEquals(60, pending.retryAfterSeconds());
        assertEquals(2, moments.moments.size(), "nothing written for the refused start");

        publish(first); // its photo arrived: one pending left
        limited.start("ana", request);
        List.copyOf(moments.moments.keySet()).forEach(this::publish);
        Problem daily = assertThrows(Problem.class, () -> limited.start("ana", request));
        assertEquals("too many moments started: at most 3 per day", daily.getMessage());
        assertEquals(12 * 3600 + 1, daily.retryAfterSeconds(), "the UTC day turns at midnight");
        limited.start("ben", request);
    }

    private void publish(String momentId) {
        moments.markImageReady(momentId, ImageRole.BACK, 10, 10);
        moments.publishIfComplete(momentId, NOW);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheMomentTheFirstStarted() {
        NewMoment request = new NewMoment("hi", "friends", List.of(new ImageDeclaration("back", "image/jpeg", 1234L)));
        MomentService.Started first = service.start("ana", request, "tap-1");
        MomentService.Started retry = service.start("ana", request, "tap-1");

        assertEquals(first.momentId(), retry.momentId());
        assertEquals(1, moments.moments.size(), "one moment, not two");
        assertEquals(first.uploads().getFirst().url(), retry.uploads().getFirst().url(), "the same upload key, signed again");
        assertEquals("idempotency_conflict", assertThrows(Problem.class, () -> service.start("ana",
                new NewMoment("another", "friends", List.of(new ImageDeclaration("back", "image/jpeg", 1234L))), "tap-1"))
                .code(), "the key reused for another moment");
        service.start("ben", request, "tap-1"); // keys are per author
        assertEquals(2, moments.moments.size());

        moments.markImageReady(first.momentId(), ImageRole.BACK, 10, 10);
        moments.publishIfComplete(first.momentId(), NOW);
        MomentService.Started late = service.start("ana", request, "tap-1");
        assertEquals(MomentStatus.PUBLISHED, late.status());
        assertTrue(late.uploads().isEmpty(), "nothing left to upload");
    }

    @Test
    void postingNeedsAProfileAndACampusForCampusMoments() {
        NewMoment request = new NewMoment(null, "friends", List.of(new ImageDeclaration("back", "image/jpeg", 1L)));
        assertEquals(403, assertThrows(Problem.class, () -> service.start("nobody", request)).kind().status);
        profiles.save(new Profile("dan", "dan_h", "Dan", null, NOW, NOW, null), null);
        Problem problem = assertThrows(Problem.class, () -> service.start("dan",
                new NewMoment(null, "campus", List.of(new ImageDeclaration("back", "image/jpeg", 1L)))));
        assertEquals("audience", problem.field());
        assertTrue(moments.moments.isEmpty(), "nothing half-written");
    }

    @Test
    void aPendingMomentIsOnlyTheAuthorsAndAnUnknownOneLooksTheSame() {
        String id = service.start("ana", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("back", "image/jpeg", 1L)))).momentId();
        MomentView own = service.get("ana", id);
        assertEquals(MomentStatus.PENDING, own.status());
        assertTrue(own.images().isEmpty(), "no image URLs before processing");
        assertNull(own.late());

        Problem hidden = assertThrows(Problem.class, () -> service.get("ben", id));
        Problem missing = assertThrows(Problem.class, () -> service.get("ben", "01JD8X3Q6Z7V9K2M4N5P6R7S8T"));
        Problem malformed = assertThrows(Problem.class, () -> service.get("ben", "../etc/passwd"));
        assertEquals(404, hidden.kind().status);
        assertEquals(hidden.getMessage(), missing.getMessage(), "hidden and missing must be indistinguishable");
        assertEquals(hidden.getMessage(), malformed.getMessage());
    }

    @Test
    void aPublishedFriendsMomentShowsToFriendsWithSignedImageUrls() {
        String id = service.start("ana", new NewMoment("hey", "friends",
                List.of(new ImageDeclaration("back", "image/jpeg", 1L)))).momentId();
        moments.markImageReady(id, ImageRole.BACK, 2048, 1536);
        moments.publishIfComplete(id, NOW);

        MomentView seen = service.get("ben", id);
        assertEquals("ana_h", seen.author().handle());
        assertEquals(1, seen.images().size());
        assertTrue(seen.images().getFirst().url().contains("media/" + id + "/back.jpg"));
        assertTrue(seen.images().getFirst().thumbnailUrl().contains("media/" + id + "/back-thumb.jpg"));
        assertEquals(2048, seen.images().getFirst().width());
        assertEquals("2026-11-29T12:00:00Z", seen.publishedAt());
        assertEquals(404, assertThrows(Problem.class, () -> service.get("cai", id)).kind().status);
    }

    @Test
    void onlyTheAuthorDeletesAndEverythingGoes() {
        String id = service.start("ana", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("back", "image/jpeg", 1L)))).momentId();
        media.write(MediaKeys.display(id, ImageRole.BACK), new byte[] {1}, "image/jpeg");
        media.write(MediaKeys.thumbnail(id, ImageRole.BACK), new byte[] {1}, "image/jpeg");

        assertEquals(404, assertThrows(Problem.class, () -> service.delete("ben", id)).kind().status);
        assertFalse(moments.moments.isEmpty());

        service.delete("ana", id);
        assertTrue(moments.moments.isEmpty());
        assertTrue(media.objects.isEmpty());
        assertEquals(404, assertThrows(Problem.class, () -> service.get("ana", id)).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> service.delete("ana", id)).kind().status);
    }
}
