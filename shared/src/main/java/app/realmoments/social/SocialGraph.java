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

    /**
     * The same, and which of {@code reported} (report refs, {@link #ref}) the viewer has reported. The
     * Dynamo graph reads the report edges in the same BatchGetItem; this default knows of no report.
     */
    default Standing standingWith(String viewer, Collection<String> others, Collection<String> reported) {
        return standingWith(viewer, others);
    }

    /** What a report edge names: {@code moment#{id}}, {@code comment#{id}} or {@code user#{id}}. */
    static String ref(String targetType, String targetId) {
        return targetType + "#" + targetId;
    }

    /**
     * The viewer's accepted friends and the users blocked either way, among the users asked about, and
     * the report refs ({@link #ref}) among those asked about that the viewer reported (the users asked
     * about are always asked as {@code user#{id}} too).
     */
    record Standing(Set<String> friends, Set<String> blocked, Set<String> reported) {

        public Standing {
            friends = Set.copyOf(friends);
            blocked = Set.copyOf(blocked);
            reported = Set.copyOf(reported);
        }

        public Standing(Set<String> friends, Set<String> blocked) {
            this(friends, blocked, Set.of());
        }

        /** True when the viewer reported this (a moment, a comment, or a user by {@code user#{id}}). */
        public boolean reported(String targetType, String targetId) {
            return reported.contains(ref(targetType, targetId));
        }

        /** Someone the viewer must not see: blocked either way, or reported by the viewer (a one-way hide). */
        public boolean hides(String userId) {
            return blocked.contains(userId) || reported("user", userId);
        }
    }
}
