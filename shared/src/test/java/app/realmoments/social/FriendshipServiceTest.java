package app.realmoments.social;

import static app.realmoments.social.SocialWorld.ANA;
import static app.realmoments.social.SocialWorld.BEN;
import static app.realmoments.social.SocialWorld.CLEO;
import static app.realmoments.social.SocialWorld.DAN;
import static app.realmoments.social.SocialWorld.NOBODY;
import static app.realmoments.social.SocialWorld.assertLikeAnUnknownUser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FriendshipServiceTest {

    private final SocialWorld world = new SocialWorld();
    private final FriendshipService friendships = world.friendships;

    @Test
    void aRequestIsPendingOnBothSidesAndTheRecipientIsNotified() {
        UserView sent = world.request(ANA, BEN);

        assertEquals(new UserView(BEN, "ben", "Ben", "north", Friendship.REQUESTED), sent);
        assertEquals(Friendship.REQUESTED, world.friendship(ANA, BEN));
        assertEquals(Friendship.INCOMING, world.friendship(BEN, ANA));
        assertEquals(List.of(new FriendshipService.PendingRequest(BEN, "ben", "Ben", "2026-11-29T12:00:00Z")),
                friendships.requests(ANA).outgoing());
        assertEquals(List.of(new FriendshipService.PendingRequest(ANA, "ana", "Ana", "2026-11-29T12:00:00Z")),
                friendships.requests(BEN).incoming());
        assertTrue(friendships.requests(ANA).incoming().isEmpty());

        assertEquals(List.of("friend_request ana>ben"), world.jobs());
        NotificationJob job = world.queue.sent.getFirst();
        assertTrue(Ids.isWellFormed(job.notificationId()));
        assertEquals("2026-11-29T12:00:00Z", job.createdAt());
        assertNull(job.momentId());
    }

    @Test
    void acceptingMakesThemFriendsBothWaysAndTellsTheRequester() {
        world.request(ANA, BEN);

        UserView accepted = friendships.accept(BEN, ANA);

        assertEquals(Friendship.FRIENDS, accepted.friendship());
        assertEquals(ANA, accepted.userId());
        assertTrue(world.graph.areFriends(ANA, BEN) && world.graph.areFriends(BEN, ANA));
        assertEquals(Friendship.FRIENDS, world.friendship(ANA, BEN));
        assertEquals(Friendship.FRIENDS, world.friendship(BEN, ANA));
        assertTrue(friendships.requests(ANA).outgoing().isEmpty() && friendships.requests(BEN).incoming().isEmpty());
        assertEquals(List.of("friend_request ana>ben", "friend_accepted ben>ana"), world.jobs());
        assertEquals(List.of(new FriendshipService.Friend(BEN, "ben", "Ben", "2026-11-29T12:00:00Z")),
                friendships.friends(ANA, 20, null).items());
    }

    @Test
    void askingSomeoneWhoAlreadyAskedYouMakesYouFriends() {
        world.request(BEN, ANA);

        UserView answer = world.request(ANA, BEN);

        assertEquals(Friendship.FRIENDS, answer.friendship());
        assertTrue(world.graph.areFriends(ANA, BEN) && world.graph.areFriends(BEN, ANA));
        assertEquals(Set.of("FRIEND " + ANA + ">" + BEN, "FRIEND " + BEN + ">" + ANA), world.graph.snapshot());
        assertEquals(List.of("friend_request ben>ana", "friend_accepted ana>ben"), world.jobs());
    }

    @Test
    void aRepeatedRequestOrAcceptAnswersTheSameAndNotifiesNobodyAgain() {
        world.request(ANA, BEN);
        assertEquals(Friendship.REQUESTED, world.request(ANA, BEN).friendship(), "a duplicate request is idempotent");
        assertEquals(1, world.queue.sent.size());

        friendships.accept(BEN, ANA);
        assertEquals(Friendship.FRIENDS, friendships.accept(BEN, ANA).friendship(), "accepting again");
        assertEquals(Friendship.FRIENDS, world.request(ANA, BEN).friendship(), "asking a friend");
        assertEquals(Friendship.FRIENDS, world.request(BEN, ANA).friendship());
        assertEquals(List.of("friend_request ana>ben", "friend_accepted ben>ana"), world.jobs());
    }

    @Test
    void declineTheirsOrCancelYours() {
        world.request(ANA, BEN);
        world.request(CLEO, ANA);

        friendships.removeRequest(BEN, ANA); // Ben declines
        friendships.removeRequest(ANA, CLEO); // Ana declines Cleo's as well
        assertEquals(Set.of(), world.graph.snapshot());

        world.request(ANA, DAN);
        friendships.removeRequest(ANA, DAN); // Ana cancels hers
        assertEquals(Friendship.NONE, world.friendship(DAN, ANA));
        assertEquals(Set.of(), world.graph.snapshot());

        Problem again = assertThrows(Problem.class, () -> friendships.removeRequest(ANA, DAN));
        assertEquals(404, again.kind().status);
        assertEquals(List.of("friend_request ana>ben", "friend_request cleo>ana", "friend_request ana>dan"), world.jobs());
    }

    @Test
    void unfriendingEndsBothDirectionsAtOnce() {
        world.request(ANA, BEN);
        friendships.accept(BEN, ANA);

        friendships.unfriend(BEN, ANA);

        assertEquals(Set.of(), world.graph.snapshot());
        assertEquals(Friendship.NONE, world.friendship(ANA, BEN));
        assertEquals(404, assertThrows(Problem.class, () -> friendships.unfriend(ANA, BEN)).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> friendships.unfriend(ANA, CLEO)).kind().status);
    }

    @Test
    void badInputIsAClear4xxAndChangesNothing() {
        world.request(CLEO, ANA);
        Set<String> before = world.graph.snapshot();
        int jobs = world.queue.sent.size();

        assertRefused(400, "userId", () -> world.request(ANA, ANA));
        assertRefused(400, "userId", () -> friendships.accept(ANA, ANA));
        assertRefused(400, "userId", () -> friendships.removeRequest(ANA, ANA));
        assertRefused(400, "userId", () -> friendships.unfriend(ANA, ANA));
        assertRefused(400, "userId", () -> world.request(ANA, null));
        assertRefused(400, "userId", () -> world.request(ANA, " "));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.request(ANA, NOBODY)));
        assertLikeAnUnknownUser(assertThrows(Problem.class, () -> friendships.accept(ANA, NOBODY)));
        for (String malformed : List.of("ben kim", "../" + BEN, "x".repeat(129), "USER#" + BEN, BEN + "/accept")) {
            assertLikeAnUnknownUser(assertThrows(Problem.class, () -> world.request(ANA, malformed)));
            assertLikeAnUnknownUser(assertThrows(Problem.class, () -> friendships.accept(ANA, malformed)));
            assertRefused(404, null, () -> friendships.removeRequest(ANA, malformed));
            assertRefused(404, null, () -> friendships.unfriend(ANA, malformed));
        }
        Problem noRequest = assertThrows(Problem.class, () -> friendships.accept(ANA, BEN));
        assertEquals(404, noRequest.kind().status);
        assertEquals("friend request not found", noRequest.getMessage());
        assertRefused(404, null, () -> friendships.accept(CLEO, ANA)); // one's own request cannot be accepted

        Problem noProfile = assertThrows(Problem.class,
                () -> world.request("f0e1d2c3-b4a5-4968-8776-655443322110", ANA));
        assertEquals(403, noProfile.kind().status);
        assertEquals("profile_required", noProfile.code());

        assertEquals(before, world.graph.snapshot());
        assertEquals(jobs, world.queue.sent.size());
    }

    @Test
    void aCancelAndResendLoopCannotPushTheOtherAgainAndAgain() {
        world.request(ANA, BEN);
        friendships.removeRequest(ANA, BEN); // cancelled
        Problem wait = assertThrows(Problem.class, () -> world.request(ANA, BEN));
        assertEquals(429, wait.kind().status);
        assertEquals(24 * 3600 + 1, wait.retryAfterSeconds(), "a day, the cooldown of these tests");
        world.request(BEN, ANA); // the other may still ask
        friendships.removeRequest(ANA, BEN); // declined
        assertEquals(429, assertThrows(Problem.class, () -> world.request(BEN, ANA)).kind().status);
        assertEquals(List.of("friend_request ana>ben", "friend_request ben>ana"), world.jobs(), "one push each, no more");
    }

    @Test
    void aRequestWithdrawnJustBeforeTheAcceptIsNotFoundAndNothingIsWritten() {
        world.request(BEN, ANA);
        world.graph.beforeNextChange(() -> world.graph.withdraw(BEN, ANA, world.now));

        Problem problem = assertThrows(Problem.class, () -> friendships.accept(ANA, BEN));

        assertEquals(404, problem.kind().status);
        assertEquals(Set.of(), world.graph.snapshot());
        assertEquals(List.of("friend_request ben>ana"), world.jobs());
    }

    @Test
    void ofTwoAcceptsOfOneRequestOneMakesTheFriendshipAndOnlyItNotifies() {
        world.request(BEN, ANA);
        // the second accept lands between the first one's read and its write
        world.graph.beforeNextChange(() -> assertEquals(Friendship.FRIENDS, friendships.accept(ANA, BEN).friendship()));

        assertEquals(Friendship.FRIENDS, friendships.accept(ANA, BEN).friendship());

        assertEquals(1, world.graph.refusedChanges);
        assertEquals(Set.of("FRIEND " + ANA + ">" + BEN, "FRIEND " + BEN + ">" + ANA), world.graph.snapshot());
        assertEquals(1, world.jobs(NotificationType.FRIEND_ACCEPTED).size());
    }

    @Test
    void twoRequestsCrossingEachOtherMakeOneFriendship() {
        world.graph.beforeNextChange(() -> world.request(BEN, ANA));

        assertEquals(Friendship.FRIENDS, world.request(ANA, BEN).friendship());

        assertEquals(Set.of("FRIEND " + ANA + ">" + BEN, "FRIEND " + BEN + ">" + ANA), world.graph.snapshot());
        assertEquals(List.of("friend_request ben>ana", "friend_accepted ana>ben"), world.jobs());
    }

    @Test
    void underConstantContentionTheRequestGivesUpWithAConflictAndWritesNothingOfItsOwn() {
        world.graph.beforeNextChange(() -> world.graph.request(BEN, ANA, world.now));
        world.graph.beforeNextChange(() -> world.graph.withdraw(BEN, ANA, world.now));
        world.graph.beforeNextChange(() -> world.graph.request(BEN, ANA, world.now));

        Problem problem = assertThrows(Problem.class, () -> world.request(ANA, BEN));

        assertEquals(409, problem.kind().status);
        assertEquals(Set.of("REQ " + BEN + ">" + ANA), world.graph.snapshot());
        assertTrue(world.queue.sent.stream().noneMatch(job -> ANA.equals(job.actorId())), "nothing of Ana's notified");
    }

    @Test
    void friendsArePagedWithCursorsOnlyThisListAccepts() {
        String eve = "e9d8c7b6-a5f4-4e3d-8c2b-1a0f9e8d7c6b"; // no profile: listed without a handle
        for (String friend : List.of(BEN, CLEO, DAN, eve)) {
            world.graph.friends(ANA, friend);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Page<FriendshipService.Friend> page = friendships.friends(ANA, 3, cursor);
            page.items().forEach(f -> seen.add(f.userId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(2, pages);
        assertEquals(List.of(eve, CLEO, BEN, DAN).stream().sorted().toList(), seen);

        String next = friendships.friends(ANA, 1, null).nextCursor();
        assertNotNull(next);
        assertNotEquals(0, next.length());
        assertRefused(400, "cursor", () -> friendships.friends(BEN, 1, next));
        assertRefused(400, "cursor", () -> world.blocks.blocked(ANA, 1, next));
        assertRefused(400, "cursor", () -> friendships.friends(ANA, 1, "x" + next));
        assertRefused(400, "cursor", () -> friendships.friends(ANA, 1, "e30.AAAA"));
        assertNull(friendships.friends(BEN, 20, null).nextCursor());
    }

    private static void assertRefused(int status, String field, Executable call) {
        Problem problem = assertThrows(Problem.class, call);
        assertEquals(status, problem.kind().status, problem.getMessage());
        assertEquals(field, problem.field(), problem.getMessage());
    }
}
