package app.realmoments.social;

import java.time.Instant;

/**
 * Everything between two users, seen from one of them ("me"): each flag is one item of the graph in
 * my partition. The graph's writes keep them consistent: friends excludes requests, a block excludes
 * both. {@code requestAgainAt}: when I may ask them again after my last request was cancelled or declined
 * (null: no wait).
 */
public record Relation(boolean friends, boolean requested, boolean incoming, boolean blocking, boolean blockedBy,
                       Instant requestAgainAt) {

    public static final Relation NONE = new Relation(false, false, false, false, false, null);

    /** Either of us blocked the other: then, for me, they do not exist (and I do not for them). */
    public boolean blockedEitherWay() {
        return blocking || blockedBy;
    }

    public Friendship friendship() {
        if (friends) {
            return Friendship.FRIENDS;
        }
        if (requested) {
            return Friendship.REQUESTED;
        }
        return incoming ? Friendship.INCOMING : Friendship.NONE;
    }
}
