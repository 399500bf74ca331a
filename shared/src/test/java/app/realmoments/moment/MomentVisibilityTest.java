package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryProfileStore;
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
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final MomentVisibility visibility = new MomentVisibility(graph, profiles);

    MomentVisibilityTest() {
        profiles.save(new Profile("author", "author", "Author", "north", NOW, NOW, NOW), null);
    }

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

    @Test
    void anAuthorWhoLeftTheCampusIsSeenThereOnlyByFriends() {
        Moment moment = moment(Audience.CAMPUS, MomentStatus.PUBLISHED);
        profiles.save(new Profile("author", "author", "Author", null, NOW, NOW, null), null);
        assertEquals(false, sees("classmate", "north", moment), "the author is no member of north any more");
        assertEquals(true, sees("friend", "south", moment));
        assertEquals(true, sees("author", null, moment));
        profiles.save(new Profile("author", "author", "Author", "south", NOW, NOW, NOW), null);
        assertEquals(false, sees("classmate", "north", moment), "moved to another campus: the same");
    }

    @Test
    void aPageDecidesTheSameWithTheAuthorsItRead() {
        Moment moment = moment(Audience.CAMPUS, MomentStatus.PUBLISHED);
        Profile classmate = new Profile("classmate", "classmate", "C", "north", NOW, NOW, NOW);
        var standing = visibility.standing("classmate", java.util.List.of("author"));
        Profile member = new Profile("author", "author", "Author", "north", NOW, NOW, NOW);
        Profile gone = new Profile("author", "author", "Author", null, NOW, NOW, null);
        assertEquals(true, MomentVisibility.forPage("classmate", classmate, standing, Map.of("author", member)).test(moment));
        assertEquals(false, MomentVisibility.forPage("classmate", classmate, standing, Map.of("author", gone)).test(moment));
        assertEquals(false, MomentVisibility.forPage("classmate", classmate, standing, Map.of()).test(moment),
                "an author whose profile the page did not read is no member");
    }

    private boolean sees(String viewer, String campus, Moment moment) {
        Profile profile = campus == null ? null : new Profile(viewer, viewer, viewer, campus, NOW, NOW, null);
        return visibility.canSee(viewer, profile, moment);
    }

    private static Moment moment(Audience audience, MomentStatus status) {
        return new Moment("01JD8X3Q6Z7V9K2M4N5P6R7S8T", "author", null, audience, "north", status, null, NOW,
                status == MomentStatus.PUBLISHED ? NOW : null, null, Map.of());
    }
}
