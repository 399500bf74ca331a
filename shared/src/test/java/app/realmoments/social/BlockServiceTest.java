package app.realmoments.social;

import static app.realmoments.social.SocialWorld.ANA;
import static app.realmoments.social.SocialWorld.BEN;
import static app.realmoments.social.SocialWorld.CLEO;
import static app.realmoments.social.SocialWorld.DAN;
import static app.realmoments.social.SocialWorld.NOBODY;
import static app.realmoments.social.SocialWorld.assertLikeAnUnknownUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.page.Page;
import app.realmoments.testing.Services;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BlockServiceTest {

    private final SocialWorld world = new SocialWorld();
    private final BlockService blocks = world.blocks;
    private final FriendshipService friendships = world.friendships;

    @Test
    void blockingEndsTheFriendshipAndEveryRequestEitherWay() {
        world.request(ANA, BEN);
        friendships.accept(BEN, ANA);
        world.request(ANA, CLEO);
        world.request(DAN, ANA);

        blocks.block(ANA, BEN);
        blocks.block(ANA, CLEO);
        blocks.block(ANA, DAN);

        assertEquals(Set.of("BLOCK " + ANA + ">" + BEN, "BLOCK " + ANA + ">" + CLEO, "BLOCK " + ANA + ">" + DAN),
                world.graph.snapshot());
        assertTrue(friendships.friends(ANA, 20, null).items().isEmpty());
        assertTrue(friendships.friends(BEN, 20, null).items().isEmpty());
        assertEquals(new FriendshipService.Requests(List.of(), List.of()), friendships.requests(ANA));
        assertEquals(new FriendshipService.Requests(List.of(), List.of()), friendships.requests(CLEO));
        assertEquals(new FriendshipService.Requests(List.of(), List.of()), friendships.requests(DAN));
    }

    @Test
    void aBlockIsSilentEachSideMeetsAnUnknownUser() {
        world.request(BEN, ANA);
        int jobsBefore = world.queue.sent.size();
        blocks.block(ANA, BEN);

        for (String[] pair : List.of(new String[] {BEN, ANA}, new String[] {ANA, BEN})) {
            String me = pair[0];
            String them = pair[1];
            assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(me, them)));
            assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.request(me, them)));
            assertLikeAnUnknownUser(assertThrows(Problem.class, () -> friendships.accept(me, them)));
            assertEquals(assertThrows(Problem.class, () -> friendships.removeRequest(me, NOBODY)).getMessage(),
                    assertThrows(Problem.class, () -> friendships.removeRequest(me, them)).getMessage());
            assertEquals(assertThrows(Problem.class, () -> friendships.unfriend(me, NOBODY)).getMessage(),
                    assertThrows(Problem.class, () -> friendships.unfriend(me, them)).getMessage());
        }
        // what an unknown user gets is what a blocked one gets
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.users.find(BEN, NOBODY)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.request(BEN, NOBODY)));

        // Ben can block Ana in turn: nothing tells him she blocked him first
        blocks.block(BEN, ANA);
        assertEquals(jobsBefore, world.queue.sent.size(), "no notification crosses the block");
        assertEquals(Set.of("BLOCK " + ANA + ">" + BEN, "BLOCK " + BEN + ">" + ANA), world.graph.snapshot());
    }

    @Test
    void aBlockLandingBetweenTheReadAndTheRequestWinsAndNothingIsSent() {
        world.graph.beforeNextChange(() -> blocks.block(BEN, ANA));

        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.request(ANA, BEN)));

        assertEquals(Set.of("BLOCK " + BEN + ">" + ANA), world.graph.snapshot());
        assertTrue(world.queue.sent.isEmpty());
    }

    @Test
    void aBlockLandingBetweenTheReadAndTheAcceptLeavesNoFriendship() {
        world.request(BEN, ANA);
        world.graph.beforeNextChange(() -> blocks.block(BEN, ANA));

        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.request(ANA, BEN)));

        assertEquals(Set.of("BLOCK " + BEN + ">" + ANA), world.graph.snapshot());
        assertEquals(List.of("friend_request ben>ana"), world.jobs());
    }

    @Test
    void unblockingMakesThemStrangersAgain() {
        world.request(ANA, BEN);
        friendships.accept(BEN, ANA);
        blocks.block(ANA, BEN);

        blocks.unblock(ANA, BEN);

        assertEquals(Set.of(), world.graph.snapshot());
        assertEquals(Friendship.NONE, world.friendship(BEN, ANA));
        assertEquals(404, assertThrows(Problem.class, () -> blocks.unblock(ANA, BEN)).kind().status);
        blocks.block(BEN, ANA);
        assertEquals(404, assertThrows(Problem.class, () -> blocks.unblock(ANA, BEN)).kind().status,
                "only one's own block can be lifted");
    }

    @Test
    void blockingAgainChangesNothingAndKeepsTheFirstTime() {
        blocks.block(ANA, BEN);
        Instant first = world.graph.blocked(ANA, 20, null).links().getFirst().at();
        Services.blocks(world.graph, world.profiles, world.cursors,
                java.time.Clock.fixed(world.now.plusSeconds(60), java.time.ZoneOffset.UTC)).block(ANA, BEN);
        assertEquals(first, world.graph.blocked(ANA, 20, null).links().getFirst().at());
        assertEquals(List.of(new BlockService.BlockedUser(BEN, "ben", "Ben", "2026-11-29T12:00:00Z")),
                blocks.blocked(ANA, 20, null).items());
    }

    @Test
    void badInputIsAClear4xx() {
        assertEquals(400, assertThrows(Problem.class, () -> blocks.block(ANA, ANA)).kind().status);
        assertEquals(400, assertThrows(Problem.class, () -> blocks.unblock(ANA, ANA)).kind().status);
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> blocks.block(ANA, NOBODY)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> blocks.block(ANA, "not a user")));
        assertEquals(404, assertThrows(Problem.class, () -> blocks.unblock(ANA, "not a user")).kind().status);
        assertEquals(Set.of(), world.graph.snapshot());
    }

    @Test
    void theBlockListShowsWhomIBlockedPageByPageNeverWhoBlockedMe() {
        blocks.block(ANA, BEN);
        blocks.block(ANA, CLEO);
        blocks.block(ANA, DAN);
        blocks.block(BEN, ANA);

        Page<BlockService.BlockedUser> first = blocks.blocked(ANA, 2, null);
        Page<BlockService.BlockedUser> second = blocks.blocked(ANA, 2, first.nextCursor());
        assertEquals(2, first.items().size());
        assertEquals(1, second.items().size());
        assertNull(second.nextCursor());
        assertEquals(Set.of(BEN, CLEO, DAN), Set.of(first.items().get(0).userId(), first.items().get(1).userId(),
                second.items().get(0).userId()));
        assertEquals(List.of(ANA), blocks.blocked(BEN, 20, null).items().stream().map(BlockService.BlockedUser::userId).toList());
        assertTrue(blocks.blocked(CLEO, 20, null).items().isEmpty());
    }
}
