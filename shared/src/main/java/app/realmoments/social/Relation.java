package app.realmoments.social;

import java.time.Instant;

/**
 * Everything between two users, seen from one of them ("me"): each flag is one item of the graph in
 * my partition. The graph's writes keep them consistent: friends excludes requests, a block excludes
 * both. {@code requestAgainAt}: when I may ask them again after my last request was cancelled or declined
 * (null: no wait). {@code reported}: I reported them, so they are hidden from me (one way, not a block).
 */
public record Relation(boolean friends, boolean requested, boolean incoming, boolean blocking, boolean blockedBy,
                       Instant requestAgainAt, boolean reported) {

    public static final Relation NONE = new Relation(false, false, false, false, false, null, false);

    /** A relation in which I have not reported them. */
    public Relation(boolean friends, boolean requested, boolean incoming, boolean blocking, boolean blockedBy,
                    Instant requestAgainAt) {
        this(friends, requested, incoming, blocking, blockedBy, requestAgainAt, false);
    }

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
