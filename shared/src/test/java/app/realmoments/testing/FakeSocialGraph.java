package app.realmoments.testing;

import app.realmoments.activity.Change;
import app.realmoments.social.Relation;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Friendships, requests and blocks in memory, one entry per direction like the table. Set up by the
 * test ({@link #friends}, {@link #block}) or changed through {@link SocialGraphStore} with the same
 * preconditions as the real store: a change whose precondition no longer holds writes nothing and
 * returns false. {@link #beforeNextChange} lets a test slip someone else's change in between a read
 * and the write decided on it. Friend pages have a fixed size, like the real store.
 */
public final class FakeSocialGraph implements SocialGraph, SocialGraphStore {

    private final Set<String> friendships = new HashSet<>();
    private final Set<String> blocks = new HashSet<>();
    private final Set<String> reports = new HashSet<>();
    private final Map<String, Instant> since = new HashMap<>();
    private final Map<String, Instant> requests = new HashMap<>();
    private final Map<String, Instant> blockedAt = new HashMap<>();
    private final Map<String, Instant> cooldowns = new HashMap<>();
    /** What the users table's stream would report of each committed change (set it to follow changes up). */
    public Consumer<Change> onChange = change -> { };
    private final Queue<Runnable> interleaved = new ArrayDeque<>();
    private boolean interleaving;
    private final int pageSize;
    public int friendPagesRead;
    /** Conditional writes that found their precondition broken (and so wrote nothing). */
    public int refusedChanges;

    public FakeSocialGraph() {
        this(100);
    }

    public FakeSocialGraph(int pageSize) {
        this.pageSize = pageSize;
    }

    public synchronized FakeSocialGraph friends(String a, String b) {
        friendships.add(a + ">" + b);
        friendships.add(b + ">" + a);
        return this;
    }

    public synchronized FakeSocialGraph block(String blocker, String blocked) {
        blocks.add(blocker + ">" + blocked);
        return this;
    }

    /** The reporter's edge of a report ({@link SocialGraph#ref}: {@code moment#id}, {@code user#id}, ...). */
    public synchronized FakeSocialGraph reported(String reporter, String ref) {
        reports.add(reporter + ">" + ref);
        return this;
    }

    @Override
    public synchronized Standing standingWith(String viewer, java.util.Collection<String> others) {
        return standingWith(viewer, others, List.of());
    }

    /** As the users table answers it: the viewer's reports of users asked about are always part of it. */
    @Override
    public synchronized Standing standingWith(String viewer, java.util.Collection<String> others,
                                              java.util.Collection<String> refs) {
        Standing standing = SocialGraph.super.standingWith(viewer, others);
        Set<String> reported = new HashSet<>();
        for (String other : others) {
            if (reports.contains(viewer + ">" + SocialGraph.ref("user", other))) {
                reported.add(SocialGraph.ref("user", other));
            }
        }
        for (String ref : refs) {
            if (reports.contains(viewer + ">" + ref)) {
                reported.add(ref);
            }
        }
        return new Standing(standing.friends(), standing.blocked(), reported);
    }

    /** Runs {@code change} just before the next conditional write, as if another request got there first. */
    public synchronized FakeSocialGraph beforeNextChange(Runnable change) {
        interleaved.add(change);
        return this;
    }

    public synchronized boolean hasRequest(String from, String to) {
        return requests.containsKey(from + ">" + to);
    }

    /** Every edge, one line per direction ("FRIEND a>b", "REQ a>b", "BLOCK a>b"), for "nothing changed" checks. */
    public synchronized Set<String> snapshot() {
        Set<String> all = new java.util.TreeSet<>();
        friendships.forEach(f -> all.add("FRIEND " + f));
        requests.keySet().forEach(r -> all.add("REQ " + r));
        blocks.forEach(b -> all.add("BLOCK " + b));
        return all;
    }

    // ------------------------------------------------------------------ SocialGraph

    @Override
    public synchronized boolean areFriends(String a, String b) {
        return friendships.contains(a + ">" + b);
    }

    @Override
    public synchronized boolean blockedEitherWay(String a, String b) {
        return blocks.contains(a + ">" + b) || blocks.contains(b + ">" + a);
    }

    @Override
    public void forEachFriendPage(String userId, Consumer<Set<String>> page) {
        List<String> all = new ArrayList<>();
        synchronized (this) {
            friendships.stream().filter(f -> f.startsWith(userId + ">")).sorted()
                    .forEach(f -> all.add(f.substring(userId.length() + 1)));
        }
        for (int i = 0; i < all.size(); i += pageSize) {
            friendPagesRead++;
            page.accept(new LinkedHashSet<>(all.subList(i, Math.min(all.size(), i + pageSize))));
        }
    }

    @Override
    public synchronized Set<String> blockedEitherWay(String userId) {
        Set<String> out = new HashSet<>();
        for (String block : blocks) {
            String[] parts = block.split(">");
            if (parts[0].equals(userId)) {
                out.add(parts[1]);
            } else if (parts[1].equals(userId)) {
                out.add(parts[0]);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ SocialGraphStore

    @Override
    public synchronized Relation relation(String me, String other) {
        return new Relation(friendships.contains(me + ">" + other), requests.containsKey(me + ">" + other),
                requests.containsKey(other + ">" + me), blocks.contains(me + ">" + other), blocks.contains(other + ">" + me),
                cooldowns.get(me + ">" + other), reports.contains(me + ">" + SocialGraph.ref("user", other)));
    }

    @Override
    public synchronized boolean request(String from, String to, Instant at) {
        interleave();
        Relation relation = relation(from, to);
        if (relation.requested() || relation.incoming() || relation.friends() || relation.blockedEitherWay()
                || (relation.requestAgainAt() != null && at.isBefore(relation.requestAgainAt()))) {
            return refused();
        }
        requests.put(from + ">" + to, at);
        onChange.accept(new Change.FriendRequested(from, to, at));
        return true;
    }

    @Override
    public synchronized boolean accept(String acceptor, String requester, Instant at) {
        interleave();
        Relation relation = relation(acceptor, requester);
        if (!relation.incoming() || relation.blockedEitherWay()) {
            return refused();
        }
        requests.remove(requester + ">" + acceptor);
        friends(acceptor, requester);
        since.put(acceptor + ">" + requester, at);
        since.put(requester + ">" + acceptor, at);
        onChange.accept(new Change.Befriended(acceptor, requester, acceptor, at));
        onChange.accept(new Change.Befriended(requester, acceptor, acceptor, at));
        return true;
    }

    @Override
    public synchronized boolean withdraw(String from, String to, Instant requestAgainAt) {
        interleave();
        if (requests.remove(from + ">" + to) == null) {
            return refused();
        }
        cooldowns.put(from + ">" + to, requestAgainAt);
        return true;
    }

    @Override
    public synchronized boolean unfriend(String a, String b) {
        interleave();
        if (!friendships.remove(a + ">" + b)) {
            return refused();
        }
        friendships.remove(b + ">" + a);
        since.remove(a + ">" + b);
        since.remove(b + ">" + a);
        onChange.accept(new Change.Parted(a, b));
        onChange.accept(new Change.Parted(b, a));
        return true;
    }

    @Override
    public synchronized void block(String blocker, String blocked, Instant at) {
        interleave();
        block(blocker, blocked);
        blockedAt.putIfAbsent(blocker + ">" + blocked, at);
        boolean wereFriends = friendships.contains(blocker + ">" + blocked);
        for (String edge : List.of(blocker + ">" + blocked, blocked + ">" + blocker)) {
            friendships.remove(edge);
            since.remove(edge);
            requests.remove(edge);
        }
        if (wereFriends) {
            onChange.accept(new Change.Parted(blocker, blocked));
            onChange.accept(new Change.Parted(blocked, blocker));
        }
    }

    @Override
    public synchronized boolean unblock(String blocker, String blocked) {
        interleave();
        if (!blocks.remove(blocker + ">" + blocked)) {
            return refused();
        }
        blockedAt.remove(blocker + ">" + blocked);
        return true;
    }

    @Override
    public synchronized Slice friends(String userId, int limit, Map<String, String> position) {
        return page(friendships, since, userId, limit, position);
    }

    @Override
    public synchronized Slice blocked(String userId, int limit, Map<String, String> position) {
        return page(blocks, blockedAt, userId, limit, position);
    }

    @Override
    public synchronized List<Link> incomingRequests(String userId, int max) {
        List<Link> links = new ArrayList<>();
        requests.forEach((edge, at) -> {
            if (edge.endsWith(">" + userId)) {
                links.add(new Link(edge.substring(0, edge.length() - userId.length() - 1), at));
            }
        });
        return newest(links, max);
    }

    @Override
    public synchronized List<Link> outgoingRequests(String userId, int max) {
        List<Link> links = new ArrayList<>();
        requests.forEach((edge, at) -> {
            if (edge.startsWith(userId + ">")) {
                links.add(new Link(edge.substring(userId.length() + 1), at));
            }
        });
        return newest(links, max);
    }

    private static Slice page(Set<String> edges, Map<String, Instant> times, String userId, int limit,
                              Map<String, String> position) {
        String after = position == null ? null : position.get("after");
        List<String> others = edges.stream().filter(e -> e.startsWith(userId + ">"))
                .map(e -> e.substring(userId.length() + 1)).sorted()
                .filter(other -> after == null || other.compareTo(after) > 0).toList();
        List<Link> links = others.stream().limit(limit).map(o -> new Link(o, times.get(userId + ">" + o))).toList();
        return new Slice(links, others.size() > limit ? Map.of("after", links.getLast().userId()) : null);
    }

    private static List<Link> newest(List<Link> links, int max) {
        return links.stream().sorted(Comparator.comparing(Link::at, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Link::userId)).limit(max).toList();
    }

    /** Runs the next slipped-in change; the changes it makes itself are not interleaved in turn. */
    private void interleave() {
        if (interleaving) {
            return;
        }
        Runnable change = interleaved.poll();
        if (change != null) {
            interleaving = true;
            try {
                change.run();
            } finally {
                interleaving = false;
            }
        }
    }

    private boolean refused() {
        refusedChanges++;
        return false;
    }
}
