package app.realmoments.social;

import app.realmoments.error.Problem;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.ProfileStore;
import app.realmoments.time.Times;
import java.time.Clock;
import java.util.List;

/**
 * {@code PUT|DELETE /blocks/{userId}}, {@code GET /blocks}. A block is silent: the blocked user is
 * told nothing, and from then on each of the two sees the other as an unknown user everywhere
 * (profiles, moments, feeds, requests, notifications). Blocking ends their friendship and any request
 * either way in the same write.
 */
public final class BlockService {

    private final SocialGraphStore graph;
    private final ProfileStore profiles;
    private final Cursors cursors;
    private final Clock clock;

    public BlockService(SocialGraphStore graph, ProfileStore profiles, Cursors cursors, Clock clock) {
        this.graph = graph;
        this.profiles = profiles;
        this.cursors = cursors;
        this.clock = clock;
    }

    public record BlockedUser(String userId, String handle, String displayName, String blockedAt) {
    }

    /**
     * Blocks the user; blocking again changes nothing. Blocking someone who blocked you works the same
     * (their block must not show), so the only refusals are yourself and users that do not exist.
     */
    public void block(String callerId, String userId) {
        UserIds.requireOther(callerId, userId, "you cannot block yourself");
        if (profiles.find(userId).isEmpty()) {
            throw UserIds.unknownUser();
        }
        graph.block(callerId, userId, clock.instant());
    }

    /** Lifts the caller's block; they are strangers again (no friendship or request comes back). */
    public void unblock(String callerId, String userId) {
        UserIds.requireOther(callerId, userId, "you cannot unblock yourself");
        if (!graph.unblock(callerId, userId)) {
            throw Problem.notFound("block");
        }
    }

    /** The users the caller blocked (never those who blocked the caller). */
    public Page<BlockedUser> blocked(String callerId, int limit, String cursor) {
        String scope = "blocks:" + callerId;
        SocialGraphStore.Slice slice = graph.blocked(callerId, limit, UserLinks.position(cursors.decode(scope, cursor)));
        List<BlockedUser> items = UserLinks.resolve(profiles, slice.links(), (link, profile) -> new BlockedUser(
                link.userId(), UserLinks.handle(profile), UserLinks.displayName(profile), Times.iso(link.at())));
        return new Page<>(items, cursors.encode(scope, slice.next()));
    }
}
