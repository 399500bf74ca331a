package app.realmoments.social;

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
}
