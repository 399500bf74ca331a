package app.realmoments.social;

import app.realmoments.error.Problem;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.quota.Quotas;
import app.realmoments.retry.Backoff;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Friend requests and friendships: {@code POST|GET /friends/requests},
 * {@code POST /friends/requests/{userId}/accept}, {@code DELETE /friends/requests/{userId}},
 * {@code GET /friends}, {@code DELETE /friends/{userId}}.
 *
 * <p>Each change reads how the two stand, decides, and writes conditionally; when someone else changed
 * the pair in between, the write does nothing and the change is decided again on a fresh read. A user
 * on the other side of a block is answered exactly like an unknown user. Repeating a change whose
 * outcome already holds (a second request, accepting again) answers the same. The one asked, or the one
 * whose request was accepted, is notified from the users table's stream ({@code activity.ActivityRules}).
 */
public final class FriendshipService {

    /** Reads and conditional writes per change before giving up with a 409 (only under heavy contention). */
    static final int ATTEMPTS = 3;
    /** Pending requests shown per direction by {@code GET /friends/requests}. */
    public static final int REQUESTS_SHOWN = 100;

    private final SocialGraphStore graph;
    private final ProfileStore profiles;
    private final Cursors cursors;
    private final Clock clock;
    private final Quotas quotas;
    private final Duration cooldown;

    /**
     * @param cooldown how long after a request was cancelled or declined the one who sent it must wait to
     *                 send it again (so a cancel and re-send loop cannot push the other again and again)
     */
    public FriendshipService(SocialGraphStore graph, ProfileStore profiles, Cursors cursors, Clock clock,
                             Quotas quotas, Duration cooldown) {
        this.graph = graph;
        this.profiles = profiles;
        this.cursors = cursors;
        this.clock = clock;
        this.quotas = quotas;
        this.cooldown = cooldown;
    }

    /** The body of {@code POST /friends/requests}. */
    public record NewRequest(String userId) {
    }

    public record Friend(String userId, String handle, String displayName, String since) {
    }

    public record PendingRequest(String userId, String handle, String displayName, String createdAt) {
    }

    public record Requests(List<PendingRequest> incoming, List<PendingRequest> outgoing) {
    }

    /**
     * Asks {@code request.userId()} to be friends; if they already asked the caller, the two become
     * friends at once. Returns the user as the caller now sees them.
     */
    public UserView request(String callerId, NewRequest request) {
        if (request.userId() == null || request.userId().isBlank()) {
            throw Problem.invalid("userId", "userId is required");
        }
        String targetId = request.userId();
        UserIds.requireOther(callerId, targetId, "you cannot send yourself a friend request");
        if (profiles.find(callerId).isEmpty()) {
            throw new Problem(Problem.Kind.FORBIDDEN, "profile_required",
                    "create your profile with PUT /me before adding friends", null);
        }
        Profile target = profiles.find(targetId).orElseThrow(UserIds::unknownUser);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.STANDARD.pause(attempt); // someone changed it meanwhile: decide again, after a moment
            }
            Relation relation = graph.relation(callerId, targetId);
            if (relation.blockedEitherWay()) {
                throw UserIds.unknownUser();
            }
            if (relation.friends() || relation.requested()) {
                return UserView.of(target, relation.friendship());
            }
            Instant now = clock.instant();
            if (relation.incoming()) {
                if (graph.accept(callerId, targetId, now)) {
                    return UserView.of(target, Friendship.FRIENDS);
                }
                continue;
            }
            if (relation.requestAgainAt() != null && now.isBefore(relation.requestAgainAt())) {
                throw Problem.throttled("your last request to this user was withdrawn or declined: you can ask again later",
                        Duration.between(now, relation.requestAgainAt()).toSeconds() + 1);
            }
            if (takeRequestQuota(callerId) && graph.request(callerId, targetId, now)) {
                return UserView.of(target, Friendship.REQUESTED);
            }
        }
        throw contended();
    }

    /** Accepts the request {@code requesterId} sent the caller. Accepting again, once friends, changes nothing. */
    public UserView accept(String callerId, String requesterId) {
        Profile requester = counterpart(callerId, requesterId, "you cannot accept a request from yourself");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.STANDARD.pause(attempt); // someone changed it meanwhile: decide again, after a moment
            }
            Relation relation = graph.relation(callerId, requesterId);
            if (relation.blockedEitherWay()) {
                throw UserIds.unknownUser();
            }
            if (relation.friends()) {
                return UserView.of(requester, Friendship.FRIENDS);
            }
            if (!relation.incoming()) {
                throw Problem.notFound("friend request");
            }
            Instant now = clock.instant();
            if (graph.accept(callerId, requesterId, now)) {
                return UserView.of(requester, Friendship.FRIENDS);
            }
        }
        throw contended();
    }

    /** Declines their request, or cancels the caller's: whichever is pending between the two. */
    public void removeRequest(String callerId, String otherId) {
        UserIds.requireOther(callerId, otherId, "there is no friend request between you and yourself");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (attempt > 0) {
                Backoff.STANDARD.pause(attempt); // someone changed it meanwhile: decide again, after a moment
            }
            Relation relation = graph.relation(callerId, otherId);
            boolean removed;
            Instant again = clock.instant().plus(cooldown);
            if (relation.requested()) {
                removed = graph.withdraw(callerId, otherId, again);
            } else if (relation.incoming()) {
                removed = graph.withdraw(otherId, callerId, again);
            } else {
                throw Problem.notFound("friend request");
            }
            if (removed) {
                return;
            }
        }
        throw contended();
    }

    /** Ends a friendship, both directions at once; each one's moments then leave the other's feed. */
    public void unfriend(String callerId, String friendId) {
        UserIds.requireOther(callerId, friendId, "you cannot unfriend yourself");
        if (!graph.unfriend(callerId, friendId)) {
            throw Problem.notFound("friend");
        }
    }

    public Page<Friend> friends(String callerId, int limit, String cursor) {
        String scope = "friends:" + callerId;
        SocialGraphStore.Slice slice = graph.friends(callerId, limit, UserLinks.position(cursors.decode(scope, cursor)));
        List<Friend> items = UserLinks.resolve(profiles, slice.links(), (link, profile) ->
                new Friend(link.userId(), UserLinks.handle(profile), UserLinks.displayName(profile), Times.iso(link.at())));
        return new Page<>(items, cursors.encode(scope, slice.next()));
    }

    public Requests requests(String callerId) {
        BiFunction<SocialGraphStore.Link, Profile, PendingRequest> pending = (link, profile) -> new PendingRequest(
                link.userId(), UserLinks.handle(profile), UserLinks.displayName(profile), Times.iso(link.at()));
        return new Requests(UserLinks.resolve(profiles, graph.incomingRequests(callerId, REQUESTS_SHOWN), pending),
                UserLinks.resolve(profiles, graph.outgoingRequests(callerId, REQUESTS_SHOWN), pending));
    }

    // ------------------------------------------------------------------ shared by the changes

    /** One of the day's friend requests, spent only when a new request is about to be written. */
    private boolean takeRequestQuota(String callerId) {
        quotas.take(callerId, Quotas.Rate.FRIEND_REQUESTS);
        return true;
    }

    /** The other user's profile, after the checks every change to a pair starts with. */
    private Profile counterpart(String callerId, String otherId, String selfMessage) {
        UserIds.requireOther(callerId, otherId, selfMessage);
        return profiles.find(otherId).orElseThrow(UserIds::unknownUser);
    }

    private static Problem contended() {
        return Problem.conflict("conflict", "the friendship changed at the same time; try again", null);
    }
}
