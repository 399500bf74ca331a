package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentVisibilityTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final FakeSocialGraph graph = new FakeSocialGraph()
            .friends("author", "friend")
            .friends("author", "blocked")
            .block("author", "blocked")
            .block("blocker", "author");
    private final MomentVisibility visibility = new MomentVisibility(graph);

    @Test
    void friendsMomentsAreForTheAuthorAndFriendsOnly() {
        Moment moment = moment(Audience.FRIENDS, MomentStatus.PUBLISHED);
        assertEquals(true, sees("author", "north", moment));
        assertEquals(true, sees("friend", "south", moment));
        assertEquals(false, sees("classmate", "north", moment), "same campus, not a friend");
        assertEquals(false, sees("stranger", "south", moment));
        assertEquals(false, sees("blocked", "north", moment), "a friend the author blocked");
        assertEquals(false, sees("blocker", "north", moment), "someone who blocked the author");
    }

    @Test
    void campusMomentsAddTheAuthorsCampus() {
        Moment moment = moment(Audience.CAMPUS, MomentStatus.PUBLISHED);
        assertEquals(true, sees("classmate", "north", moment));
        assertEquals(true, sees("friend", "south", moment));
        assertEquals(false, sees("stranger", "south", moment));
        assertEquals(false, sees("nobody", null, moment), "no profile, no campus");
        assertEquals(false, sees("blocker", "north", moment));
    }

    @Test
    void onlyTheAuthorSeesAMomentBeforeItIsPublished() {
        for (MomentStatus status : new MomentStatus[] {MomentStatus.PENDING, MomentStatus.REJECTED}) {
            Moment moment = moment(Audience.CAMPUS, status);
            assertEquals(true, sees("author", "north", moment));
            assertEquals(false, sees("friend", "north", moment));
            assertEquals(false, sees("classmate", "north", moment));
        }
    }

    private boolean sees(String viewer, String campus, Moment moment) {
        Profile profile = campus == null ? null : new Profile(viewer, viewer, viewer, campus, NOW, NOW);
        return visibility.canSee(viewer, profile, moment);
    }

    private static Moment moment(Audience audience, MomentStatus status) {
        return new Moment("01JD8X3Q6Z7V9K2M4N5P6R7S8T", "author", null, audience, "north", status, null, NOW,
                status == MomentStatus.PUBLISHED ? NOW : null, null, Map.of());
    }
}
