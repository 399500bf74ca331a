package app.realmoments.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The storage side of erasure: finds what names one user, and deletes it. Every find reads what is there
 * now (nothing is remembered between runs), and every delete leaves the item that leads to the others
 * for last, so a run that stops anywhere is finished by the next one (docs/data-model.md, "Erasure").
 */
public interface ErasureStore {

    /** What the profile points at: the handle claim, the campus membership and the school address claim. */
    record ProfileKeys(String handle, String campusId, String schoolEmailHash) {
    }

    /** An edge of the social graph in the user's partition, with the other user it names. */
    enum EdgeKind { FRIEND, REQUEST_OUT, REQUEST_IN, BLOCK, BLOCKED_BY, COOLDOWN }

    record Edge(EdgeKind kind, String otherId) {
    }

    /** One of the user's moments: its id and whether it is still pending (every role's object is deleted). */
    record OwnMoment(String momentId, boolean pending) {
    }

    /** What the user wrote on someone's moment. */
    enum InteractionKind { REACTION, COMMENT, COMMENT_MARKER }

    /** {@code id}: the comment id of a comment, the idempotency key's sort key of a marker, null for a reaction. */
    record Interaction(InteractionKind kind, String momentId, String id) {
    }

    Optional<ProfileKeys> profileKeys(String userId);

    /** Every edge in the user's partition (friends, requests both ways, blocks both ways, cooldowns). */
    List<Edge> edges(String userId);

    /** Deletes each edge's other side (in the other user's partition) first, then the user's own items. */
    void removeEdges(String userId, List<Edge> edges);

    /** Users who sent this user a friend request (from the user's inbox): their cooldowns may name the user. */
    Set<String> requesters(String userId);

    /** Deletes {@code other/COOLDOWN#user} for each of the others. */
    void removeCooldownsNaming(String userId, Collection<String> others);

    /** Whether the token's claim is still held by this device of this user (then its push endpoint is theirs too). */
    boolean holdsTokenClaim(String userId, String deviceId, String tokenHash);

    /** Deletes the token's claim, only while this device of this user holds it. */
    void removeTokenClaim(String userId, String deviceId, String tokenHash);

    /** Deletes the handle claim, only while it is still the user's. */
    void removeHandleClaim(String handle, String userId);

    /** Deletes the school address claim, only while it is still the user's. */
    void removeSchoolEmailClaim(String schoolEmailHash, String userId);

    /** Deletes the campus member item. */
    void removeMembership(String campusId, String userId);

    /** Every moment the user authored, whatever its status. */
    List<OwnMoment> momentsOf(String userId);

    /** The user's reactions, comments and comment idempotency markers on anyone's moments. */
    List<Interaction> interactionsBy(String userId);

    /** Deletes the item alone, no count touched: a marker, or what is left on a moment that is gone. */
    void removeUncounted(String userId, Interaction interaction);

    /** Deletes the user's own feed partition. */
    int removeFeedOf(String userId);

    /** Deletes every item of the user's inbox partition (inbox items, read marker, push windows). */
    int removeInboxOf(String userId);

    /** Deletes the inbox items the user caused in others' inboxes. */
    int removeCausedNotifications(String userId);

    /** Deletes every item of the user's partition in the users table, the profile last. */
    int removeUserPartition(String userId);
}
