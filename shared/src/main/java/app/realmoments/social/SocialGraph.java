package app.realmoments.social;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Who is connected to whom: accepted friendships and blocks. The routes that create them come with
 * the social graph issue; everything that decides visibility already asks this port.
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
