package app.realmoments.activity;

import java.time.Instant;

/**
 * A change the users or the interactions table committed, as its stream reports it. Notifications and
 * feed upkeep follow from these, never from the request that made them: a change that committed is
 * followed up however the request ended (a lost answer, a client that gave up).
 */
public sealed interface Change {

    /** {@code from} asked {@code to} to be friends. */
    record FriendRequested(String from, String to, Instant at) implements Change {
    }

    /**
     * One side of a new friendship: {@code userId} is now friends with {@code friendId}; {@code acceptedBy}
     * answered the request (null for friendships made before it was recorded).
     */
    record Befriended(String userId, String friendId, String acceptedBy, Instant since) implements Change {
    }

    /** One side of an ended friendship (unfriended, or a block between friends). */
    record Parted(String userId, String formerFriendId) implements Change {
    }

    /** {@code userId} set (or changed) their reaction to the moment. */
    record Reacted(String momentId, String userId, String emoji, Instant at) implements Change {
    }

    /** {@code userId} commented on the moment. */
    record Commented(String momentId, String commentId, String userId, Instant at) implements Change {
    }
}
