package app.realmoments.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.testing.InMemoryProfileStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProfileServiceTest {

    private final InMemoryProfileStore store = new InMemoryProfileStore();
    private final ProfileService service = new ProfileService(store,
            Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void aProfileIsCreatedThenUpdatedAndItsOldHandleIsFreed() {
        assertEquals(404, assertThrows(Problem.class, () -> service.me("ana")).kind().status);
        Profile created = service.update("ana", new ProfileUpdate("ana.k", "  Ana K ", null));
        assertEquals("Ana K", created.displayName());
        assertEquals(created, service.me("ana"));

        service.update("ana", new ProfileUpdate("ana_k", "Ana", null));
        service.update("ben", new ProfileUpdate("ana.k", "Ben", null));
        assertEquals("ana.k", service.me("ben").handle());
    }

    @Test
    void aTakenHandleIsAConflict() {
        service.update("ana", new ProfileUpdate("ana", "Ana", null));
        Problem problem = assertThrows(Problem.class, () -> service.update("ben", new ProfileUpdate("ana", "Ben", null)));
        assertEquals(409, problem.kind().status);
        assertEquals("handle", problem.field());
    }

    @Test
    void badFieldsAreNamed() {
        assertField("handle", new ProfileUpdate(null, "Ana", null));
        assertField("handle", new ProfileUpdate("ab", "Ana", null));
        assertField("handle", new ProfileUpdate("Ana", "Ana", null));
        assertField("handle", new ProfileUpdate("a".repeat(31), "Ana", null));
        assertField("handle", new ProfileUpdate("ana kim", "Ana", null));
        assertField("displayName", new ProfileUpdate("ana", "   ", null));
        assertField("displayName", new ProfileUpdate("ana", "x".repeat(51), null));
        assertField("displayName", new ProfileUpdate("ana", "a\u0000b", null));
        assertField("campusId", new ProfileUpdate("ana", "Ana", "North Campus"));
        assertField("campusId", new ProfileUpdate("ana", "Ana", "-north"));
    }

    @Test
    void aCampusIsNeverSetHereOnlyKept() {
        Problem claimed = assertThrows(Problem.class, () -> service.update("ana", new ProfileUpdate("ana", "Ana", "north")));
        assertEquals("campus_requires_verification", claimed.code());
        assertEquals("campusId", claimed.field());
        Instant verified = Instant.parse("2026-11-20T09:00:00Z");
        store.save(new Profile("ben", "ben", "Ben", "north", verified, verified, verified), null);
        Profile renamed = service.update("ben", new ProfileUpdate("ben", "Benjamin", "north"));
        assertEquals("north", renamed.campusId(), "the verified campus, sent back unchanged: fine");
        assertEquals(verified, renamed.campusVerifiedAt());
        assertEquals("north", service.update("ben", new ProfileUpdate("ben", "Ben", null)).campusId(),
                "no campusId: the campus stays (leaving is DELETE /me/campus)");
        assertEquals("campus_requires_verification", assertThrows(Problem.class,
                () -> service.update("ben", new ProfileUpdate("ben", "Ben", "south"))).code());
    }

    private void assertField(String field, ProfileUpdate update) {
        Problem problem = assertThrows(Problem.class, () -> service.update("ana", update));
        assertEquals(400, problem.kind().status);
        assertEquals(field, problem.field());
    }
}
