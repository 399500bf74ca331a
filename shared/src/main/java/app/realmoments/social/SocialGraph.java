package app.realmoments.social;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is connected to whom, as everything that decides visibility asks it: accepted friendships and
 * blocks. {@link SocialGraphStore} is the side that changes them (the social routes).
 */
public interface SocialGraph {

    boolean areFriends(String a, String b);

    /** True when either user has blocked the other. */
    boolean blockedEitherWay(String a, String b);

    /** Every accepted friend of the user, page by page, never all at once in memory. */
    void forEachFriendPage(String userId, Consumer<Set<String>> page);

    /** The users that {@code userId} blocked or is blocked by. */
    Set<String> blockedEitherWay(String userId);

    /**
     * How {@code viewer} stands with each of {@code others}, for a whole page at once. The Dynamo
     * graph answers it with one BatchGetItem in the viewer's partition; this default asks per user.
     */
    default Standing standingWith(String viewer, Collection<String> others) {
        Set<String> friends = new HashSet<>();
        Set<String> blocked = new HashSet<>();
        for (String other : Set.copyOf(others)) {
            if (blockedEitherWay(viewer, other)) {
                blocked.add(other);
            } else if (areFriends(viewer, other)) {
                friends.add(other);
            }
        }
        return new Standing(friends, blocked);
    }

    /** The viewer's accepted friends and the users blocked either way, among the users asked about. */
    record Standing(Set<String> friends, Set<String> blocked) {

        public Standing {
            friends = Set.copyOf(friends);
            blocked = Set.copyOf(blocked);
        }
    }
}
