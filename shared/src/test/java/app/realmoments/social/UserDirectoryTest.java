package app.realmoments.social;

import static app.realmoments.social.SocialWorld.ANA;
import static app.realmoments.social.SocialWorld.BEN;
import static app.realmoments.social.SocialWorld.CLEO;
import static app.realmoments.social.SocialWorld.DAN;
import static app.realmoments.social.SocialWorld.NOBODY;
import static app.realmoments.social.SocialWorld.assertLikeAnUnknownUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import org.junit.jupiter.api.Test;

class UserDirectoryTest {

    private final SocialWorld world = new SocialWorld();

    @Test
    void aProfileShowsWhereTheCallerStands() {
        world.request(ANA, BEN);
        world.request(CLEO, ANA);
        world.graph.friends(ANA, DAN);

        assertEquals(new UserView(BEN, "ben", "Ben", "north", Friendship.REQUESTED), world.users.find(ANA, BEN));
        assertEquals(Friendship.INCOMING, world.friendship(ANA, CLEO));
        assertEquals(Friendship.FRIENDS, world.friendship(ANA, DAN));
        assertEquals(Friendship.NONE, world.friendship(BEN, CLEO));
        assertEquals(new UserView(ANA, "ana", "Ana", "north", Friendship.NONE), world.users.find(ANA, ANA));
    }

    @Test
    void blockedEitherWayMalformedOrUnknownAreTheSameNotFound() {
        world.graph.friends(ANA, BEN).block(ANA, BEN).block(DAN, ANA);

        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(BEN, ANA)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(ANA, BEN)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(ANA, DAN)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(DAN, ANA)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(ANA, NOBODY)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(ANA, "ana kim")));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(ANA, "")));
        assertEquals(Friendship.NONE, world.friendship(BEN, DAN));
    }

    @Test
    void someoneTheCallerReportedOrModerationHidIsTheSameNotFound() {
        world.graph.reported(ANA, SocialGraph.ref("user", BEN));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(ANA, BEN)));
        assertEquals(Friendship.NONE, world.friendship(BEN, ANA), "one way: Ben still sees Ana");

        app.realmoments.profile.Profile cleo = world.profiles.find(CLEO).orElseThrow();
        world.profiles.save(new app.realmoments.profile.Profile(cleo.userId(), cleo.handle(), cleo.displayName(),
                cleo.campusId(), cleo.createdAt(), cleo.updatedAt(), cleo.campusVerifiedAt(), true), cleo.handle());
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(DAN, CLEO)));
        assertEquals(CLEO, world.users.find(CLEO, CLEO).userId(), "a hidden person still sees their own profile");
    }
}
