package app.realmoments.social;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The social graph's writes, and the lists a user reads of their own side. Every change of a pair is
 * one atomic, conditional write of both sides: a method that returns {@code false} wrote nothing,
 * because what it requires no longer held (someone else changed the pair since it was read). The
 * caller then reads the {@link #relation} again and decides anew.
 */
public interface SocialGraphStore {

    /** How {@code me} and {@code other} stand, read so that a change just made is seen. */
    Relation relation(String me, String other);

    /**
     * {@code from} asks {@code to} to be friends. Requires no request either way, no friendship, no
     * block either way, and that a cooldown of an earlier withdrawn request has passed by {@code at}.
     */
    boolean request(String from, String to, Instant at);

    /**
     * {@code acceptor} accepts the request {@code requester} sent them: the request goes, the
     * friendship (both directions) comes. Requires that request and no block either way, so of two
     * accepts of one request exactly one succeeds.
     */
    boolean accept(String acceptor, String requester, Instant at);

    /**
     * The request {@code from} sent {@code to} goes away (cancelled by one, declined by the other), and
     * {@code from} may not ask {@code to} again before {@code requestAgainAt}. Requires the request.
     */
    boolean withdraw(String from, String to, Instant requestAgainAt);

    /** Both directions of the friendship go. Requires the friendship. */
    boolean unfriend(String a, String b);

    /**
     * {@code blocker} blocks {@code blocked}; their friendship and any request either way go in the
     * same write. Blocking again changes nothing (the first time is kept).
     */
    void block(String blocker, String blocked, Instant at);

    /** Lifts {@code blocker}'s block of {@code blocked}. Requires it. */
    boolean unblock(String blocker, String blocked);

    /** A page of the user's friends, in a stable order; {@code position} comes from the previous slice. */
    Slice friends(String userId, int limit, Map<String, String> position);

    /** A page of the users {@code userId} blocked (not of those who blocked them). */
    Slice blocked(String userId, int limit, Map<String, String> position);

    /** Requests others sent the user and they have not answered, at most {@code max}, newest first. */
    List<Link> incomingRequests(String userId, int max);

    /** Requests the user sent that are still unanswered, at most {@code max}, newest first. */
    List<Link> outgoingRequests(String userId, int max);

    /** The other user of an edge and when it was made (friends since, requested at, blocked at). */
    record Link(String userId, Instant at) {
    }

    /** {@code next} is null on the last slice. */
    record Slice(List<Link> links, Map<String, String> next) {

        public Slice {
            links = List.copyOf(links);
        }
    }
}
