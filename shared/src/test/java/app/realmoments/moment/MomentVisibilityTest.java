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

    @Test
    void whatTheViewerReportedIsHiddenFromThemOnly() {
        Moment moment = moment(Audience.CAMPUS, MomentStatus.PUBLISHED);
        graph.reported("classmate", "moment#" + moment.momentId());
        assertEquals(false, sees("classmate", "north", moment), "the reporter stops seeing the moment");
        assertEquals(true, sees("friend", "south", moment), "nobody else does");
        assertEquals(true, sees("author", "north", moment));

        graph.reported("friend", "user#author");
        assertEquals(false, sees("friend", "south", moment), "a reported author: all of their moments, one way");
        var standing = visibility.standing("friend", java.util.List.of("author"));
        assertEquals(false, MomentVisibility.forPage("friend", null, standing, Map.of()).test(moment));
        assertEquals(true, standing.friends().contains("author"), "a report is not a block: still friends");
    }

    @Test
    void whatModerationHidIsSeenByItsAuthorAlone() {
        Moment hidden = new Moment("01JD8X3Q6Z7V9K2M4N5P6R7S8T", "author", null, Audience.CAMPUS, "north",
                MomentStatus.PUBLISHED, null, NOW, NOW, null, Map.of(), Map.of(), 0, Moment.Review.NONE, true);
        assertEquals(true, sees("author", "north", hidden));
        assertEquals(false, sees("friend", "south", hidden));
        assertEquals(false, sees("classmate", "north", hidden));

        Moment moment = moment(Audience.CAMPUS, MomentStatus.PUBLISHED);
        profiles.save(new Profile("author", "author", "Author", "north", NOW, NOW, NOW, true), null);
        assertEquals(false, sees("friend", "south", moment), "a suspended (hidden) author: hidden from friends too");
        assertEquals(false, sees("classmate", "north", moment));
        assertEquals(true, sees("author", "north", moment));
    }

    @Test
    void commentsPassTheSameModerationRule() {
        var none = new app.realmoments.social.SocialGraph.Standing(java.util.Set.of(), java.util.Set.of());
        Profile author = new Profile("ana", "ana", "Ana", null, NOW, NOW, null);
        assertEquals(true, MomentVisibility.shown("ben", "ana", "comment", "c1", false, none, author));
        assertEquals(false, MomentVisibility.shown("ben", "ana", "comment", "c1", true, none, author), "hidden");
        assertEquals(true, MomentVisibility.shown("ana", "ana", "comment", "c1", true, none, author), "its author");
        var reported = new app.realmoments.social.SocialGraph.Standing(java.util.Set.of(), java.util.Set.of(),
                java.util.Set.of("comment#c1"));
        assertEquals(false, MomentVisibility.shown("ben", "ana", "comment", "c1", false, reported, author));
        assertEquals(true, MomentVisibility.shown("ben", "ana", "comment", "c2", false, reported, author));
        var blocked = new app.realmoments.social.SocialGraph.Standing(java.util.Set.of(), java.util.Set.of("ana"));
        assertEquals(false, MomentVisibility.shown("ben", "ana", "comment", "c1", false, blocked, author));
        Profile suspended = new Profile("ana", "ana", "Ana", null, NOW, NOW, null, true);
        assertEquals(false, MomentVisibility.shown("ben", "ana", "comment", "c1", false, none, suspended));
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
