package app.realmoments.social.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.activity.Change;
import app.realmoments.aws.BatchGet;
import app.realmoments.error.Problem;
import app.realmoments.retry.Backoff;
import app.realmoments.social.Relation;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The social graph in the users table, one item per direction, each in the partition of the user it
 * belongs to: {@code USER#a / FRIEND#b} and {@code USER#b / FRIEND#a}; a request from a to b as
 * {@code USER#a / REQ_OUT#b} and {@code USER#b / REQ_IN#a}; a block of b by a as
 * {@code USER#a / BLOCK#b} and {@code USER#b / BLOCKED_BY#a}. Every change writes both sides in one
 * transaction whose conditions are the change's preconditions, so a pair is never half-changed and a
 * change decided on a stale read writes nothing.
 */
public final class DynamoSocialGraph implements SocialGraph, SocialGraphStore {

    static final int FRIEND_PAGE = 100;
    /** Pending requests read at most per direction before sorting them newest first. */
    static final int REQUESTS_READ = 1000;
    private static final int REQUESTS_PAGE = 500;

    private static final String USER = "USER#";
    private static final String FRIEND = "FRIEND#";
    private static final String REQ_OUT = "REQ_OUT#";
    private static final String REQ_IN = "REQ_IN#";
    private static final String BLOCK = "BLOCK#";
    private static final String BLOCKED_BY = "BLOCKED_BY#";
    /** When a's withdrawn or declined request lets a ask b again: {@code USER#a / COOLDOWN#b}, gone by TTL. */
    private static final String COOLDOWN = "COOLDOWN#";
    /**
     * What a user reported, in their own partition: one edge per target, {@code USER#a / REPORTED#{type}#{id}},
     * and the list of them all, {@code USER#a / REPORTED} ({@code refs}), which a page's batch read asks
     * as one key (report/dynamo writes both in one transaction).
     */
    private static final String REPORTED = "REPORTED#";
    private static final String REPORTS = "REPORTED";
    private static final String ABSENT = "attribute_not_exists(pk)";
    private static final String PRESENT = "attribute_exists(pk)";
    /** Attempts of a block, which has no precondition and only meets transaction conflicts. */
    private static final int BLOCK_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSocialGraph(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ------------------------------------------------------------------ SocialGraph: visibility reads

    @Override
    public boolean areFriends(String a, String b) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(USER + a, FRIEND + b))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public boolean blockedEitherWay(String a, String b) {
        List<Map<String, AttributeValue>> keys = List.of(key(USER + a, BLOCK + b), key(USER + b, BLOCK + a));
        return !BatchGet.items(dynamo, table, keys, false).isEmpty();
    }

    @Override
    public Standing standingWith(String viewer, Collection<String> others) {
        return standingWith(viewer, others, List.of());
    }

    @Override
    public Standing standingWith(String viewer, Collection<String> others, Collection<String> reported) {
        // Every edge is stored on both sides, so the viewer's own partition answers for each author.
        List<Map<String, AttributeValue>> keys = new ArrayList<>(standingKeys(viewer, others));
        if (keys.isEmpty() && !reported.isEmpty()) {
            keys.add(reportsKey(viewer));
        }
        return standingOf(BatchGet.items(dynamo, Map.of(table, keys)).get(table));
    }

    /** The key of the item listing everything {@code reporter} reported ({@code refs}, a string set). */
    public static Map<String, AttributeValue> reportsKey(String reporter) {
        return key(USER + reporter, REPORTS);
    }

    /** The sort key of {@code reporter}'s edge saying they reported {@code ref} ({@link SocialGraph#ref}). */
    public static String reportEdge(String ref) {
        return REPORTED + ref;
    }

    /**
     * The users-table keys that tell how {@code viewer} stands with each of {@code others} (friend
     * edge, block edges both ways), all in the viewer's partition, and (once) the list of what the viewer
     * reported; for reads batched with other tables.
     */
    public static List<Map<String, AttributeValue>> standingKeys(String viewer, Collection<String> others) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String other : new LinkedHashSet<>(others)) {
            if (!other.equals(viewer)) {
                keys.add(key(USER + viewer, FRIEND + other));
                keys.add(key(USER + viewer, BLOCK + other));
                keys.add(key(USER + viewer, BLOCKED_BY + other));
            }
        }
        if (!keys.isEmpty()) {
            keys.add(reportsKey(viewer));
        }
        return keys;
    }

    /** The standing the items found among {@link #standingKeys} say (other users-table items are ignored). */
    public static Standing standingOf(Collection<Map<String, AttributeValue>> items) {
        Set<String> friends = new HashSet<>();
        Set<String> blocked = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get("sk").s();
            if (sk.equals(REPORTS)) {
                AttributeValue refs = item.get("refs");
                if (refs != null && refs.hasSs()) {
                    reported.addAll(refs.ss());
                }
            } else if (sk.startsWith(FRIEND)) {
                friends.add(sk.substring(FRIEND.length()));
            } else if (sk.startsWith(BLOCKED_BY)) {
                blocked.add(sk.substring(BLOCKED_BY.length()));
            } else if (sk.startsWith(BLOCK)) {
                blocked.add(sk.substring(BLOCK.length()));
            }
        }
        friends.removeAll(blocked);
        return new Standing(friends, blocked, reported);
    }

    @Override
    public void forEachFriendPage(String userId, Consumer<Set<String>> page) {
        queryPrefix(userId, FRIEND, FRIEND_PAGE, page);
    }

    @Override
    public Set<String> blockedEitherWay(String userId) {
        Set<String> users = new HashSet<>();
        queryPrefix(userId, BLOCK, 500, users::addAll);
        queryPrefix(userId, BLOCKED_BY, 500, users::addAll);
        return users;
    }

    private void queryPrefix(String userId, String prefix, int pageSize, Consumer<Set<String>> page) {
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(USER + userId), ":prefix", s(prefix)))
                    .projectionExpression("sk")
                    .limit(pageSize);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            Set<String> ids = new LinkedHashSet<>();
            response.items().forEach(item -> ids.add(item.get("sk").s().substring(prefix.length())));
            if (!ids.isEmpty()) {
                page.accept(ids);
            }
            start = lastKey(response);
        } while (start != null);
    }

    // ------------------------------------------------------------------ the table's stream

    /**
     * What a record of the users table's stream means for the social graph: a request received (INSERT of
     * {@code USER#to / REQ_IN#from}), one side of a new friendship (INSERT of {@code USER#a / FRIEND#b}), one
     * side of an ended one (REMOVE of it). Every other item of the table changes nothing here.
     */
    public static Optional<Change> changeOf(String eventName, Map<String, AttributeValue> keys,
                                            Map<String, AttributeValue> newImage) {
        String pk = keys == null || keys.get("pk") == null ? null : keys.get("pk").s();
        String sk = keys == null || keys.get("sk") == null ? null : keys.get("sk").s();
        if (pk == null || sk == null || !pk.startsWith(USER)) {
            return Optional.empty();
        }
        String user = pk.substring(USER.length());
        if ("INSERT".equals(eventName) && sk.startsWith(REQ_IN) && newImage != null) {
            return Optional.of(new Change.FriendRequested(sk.substring(REQ_IN.length()), user, instant(newImage, "createdAt")));
        }
        if ("INSERT".equals(eventName) && sk.startsWith(FRIEND) && newImage != null) {
            return Optional.of(new Change.Befriended(user, sk.substring(FRIEND.length()), str(newImage, "acceptedBy"),
                    instant(newImage, "since")));
        }
        if ("REMOVE".equals(eventName) && sk.startsWith(FRIEND)) {
            return Optional.of(new Change.Parted(user, sk.substring(FRIEND.length())));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ SocialGraphStore: reads

    @Override
    public Relation relation(String me, String other) {
        String pk = USER + me;
        List<Map<String, AttributeValue>> keys = List.of(key(pk, FRIEND + other), key(pk, REQ_OUT + other),
                key(pk, REQ_IN + other), key(pk, BLOCK + other), key(pk, BLOCKED_BY + other), key(pk, COOLDOWN + other),
                key(pk, REPORTED + SocialGraph.ref("user", other)));
        Set<String> present = new HashSet<>();
        Instant again = null;
        for (Map<String, AttributeValue> item : BatchGet.items(dynamo, table, keys, true)) {
            present.add(item.get("sk").s());
            if (item.get("sk").s().startsWith(COOLDOWN)) {
                again = instant(item, "until");
            }
        }
        return new Relation(present.contains(FRIEND + other), present.contains(REQ_OUT + other),
                present.contains(REQ_IN + other), present.contains(BLOCK + other), present.contains(BLOCKED_BY + other),
                again, present.contains(REPORTED + SocialGraph.ref("user", other)));
    }

    @Override
    public Slice friends(String userId, int limit, Map<String, String> position) {
        return page(userId, FRIEND, "since", limit, position);
    }

    @Override
    public Slice blocked(String userId, int limit, Map<String, String> position) {
        return page(userId, BLOCK, "blockedAt", limit, position);
    }

    @Override
    public List<Link> incomingRequests(String userId, int max) {
        return newest(userId, REQ_IN, max);
    }

    @Override
    public List<Link> outgoingRequests(String userId, int max) {
        return newest(userId, REQ_OUT, max);
    }

    /** One page in sort-key order; one item more than asked tells whether another page exists. */
    private Slice page(String userId, String prefix, String timeAttribute, int limit, Map<String, String> position) {
        QueryRequest.Builder query = linksQuery(userId, prefix, timeAttribute).limit(limit + 1);
        String after = position == null ? null : position.get("after");
        if (after != null) {
            query.exclusiveStartKey(key(USER + userId, prefix + after));
        }
        QueryResponse response = dynamo.query(query.build());
        List<Link> links = new ArrayList<>();
        for (Map<String, AttributeValue> item : response.items()) {
            links.add(link(item, prefix, timeAttribute));
        }
        if (links.size() <= limit) {
            return new Slice(links, null);
        }
        List<Link> shown = links.subList(0, limit);
        return new Slice(shown, Map.of("after", shown.getLast().userId()));
    }

    private List<Link> newest(String userId, String prefix, int max) {
        List<Link> links = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = linksQuery(userId, prefix, "createdAt").limit(REQUESTS_PAGE);
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            response.items().forEach(item -> links.add(link(item, prefix, "createdAt")));
            start = lastKey(response);
        } while (start != null && links.size() < REQUESTS_READ);
        links.sort(Comparator.comparing(Link::at, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Link::userId));
        return List.copyOf(links.subList(0, Math.min(max, links.size())));
    }

    private QueryRequest.Builder linksQuery(String userId, String prefix, String timeAttribute) {
        return QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(USER + userId), ":prefix", s(prefix)))
                .projectionExpression("sk, #at")
                .expressionAttributeNames(Map.of("#at", timeAttribute))
                .consistentRead(true);
    }

    private static Link link(Map<String, AttributeValue> item, String prefix, String timeAttribute) {
        return new Link(item.get("sk").s().substring(prefix.length()), instant(item, timeAttribute));
    }

    // ------------------------------------------------------------------ SocialGraphStore: changes

    @Override
    public boolean request(String from, String to, Instant at) {
        return transact(List.of(
                put(USER + from, REQ_OUT + to, ABSENT, Map.of("userId", s(from), "toId", s(to), "createdAt", time(at))),
                put(USER + to, REQ_IN + from, ABSENT, Map.of("userId", s(to), "fromId", s(from), "createdAt", time(at))),
                // they have not asked me (that would make this an acceptance), we are not friends, no block either way
                absent(USER + from, REQ_IN + to),
                absent(USER + from, FRIEND + to),
                absent(USER + from, BLOCK + to),
                absent(USER + from, BLOCKED_BY + to),
                // a withdrawn or declined request's cooldown has passed (or there was none)
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(USER + from, COOLDOWN + to))
                        .conditionExpression("attribute_not_exists(pk) OR #until <= :at")
                        .expressionAttributeNames(Map.of("#until", "until"))
                        .expressionAttributeValues(Map.of(":at", time(at)))).build()));
    }

    @Override
    public boolean accept(String acceptor, String requester, Instant at) {
        return transact(List.of(
                delete(USER + acceptor, REQ_IN + requester, PRESENT),
                delete(USER + requester, REQ_OUT + acceptor, null),
                put(USER + acceptor, FRIEND + requester, null, Map.of("userId", s(acceptor), "friendId", s(requester),
                        "since", time(at), "acceptedBy", s(acceptor))),
                put(USER + requester, FRIEND + acceptor, null, Map.of("userId", s(requester), "friendId", s(acceptor),
                        "since", time(at), "acceptedBy", s(acceptor))),
                absent(USER + acceptor, BLOCK + requester),
                absent(USER + acceptor, BLOCKED_BY + requester)));
    }

    @Override
    public boolean withdraw(String from, String to, Instant requestAgainAt) {
        return transact(List.of(delete(USER + from, REQ_OUT + to, PRESENT), delete(USER + to, REQ_IN + from, null),
                put(USER + from, COOLDOWN + to, null, Map.of("userId", s(from), "otherId", s(to),
                        "until", time(requestAgainAt), "expiresAt", n(requestAgainAt.getEpochSecond())))));
    }

    @Override
    public boolean unfriend(String a, String b) {
        return transact(List.of(delete(USER + a, FRIEND + b, PRESENT), delete(USER + b, FRIEND + a, null)));
    }

    @Override
    public void block(String blocker, String blocked, Instant at) {
        List<TransactWriteItem> writes = List.of(
                blockEdge(USER + blocker, BLOCK + blocked, blocker, "blockedId", blocked, at),
                blockEdge(USER + blocked, BLOCKED_BY + blocker, blocked, "blockerId", blocker, at),
                delete(USER + blocker, FRIEND + blocked, null),
                delete(USER + blocked, FRIEND + blocker, null),
                delete(USER + blocker, REQ_OUT + blocked, null),
                delete(USER + blocked, REQ_IN + blocker, null),
                delete(USER + blocker, REQ_IN + blocked, null),
                delete(USER + blocked, REQ_OUT + blocker, null));
        for (int attempt = 1; attempt <= BLOCK_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                Backoff.STANDARD.pause(attempt - 1);
            }
            if (transact(writes)) {
                return;
            }
        }
        throw Problem.conflict("conflict", "the block met other changes of the same users; try again", null);
    }

    @Override
    public boolean unblock(String blocker, String blocked) {
        return transact(List.of(delete(USER + blocker, BLOCK + blocked, PRESENT),
                delete(USER + blocked, BLOCKED_BY + blocker, null)));
    }

    /**
     * Runs the transaction. False when a condition failed or it collided with another transaction on
     * the same items: both mean "read again and decide again". Any other failure is thrown.
     */
    private boolean transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            for (CancellationReason reason : e.cancellationReasons()) {
                String code = reason.code();
                if (code != null && !code.equals("None") && !code.equals("ConditionalCheckFailed")
                        && !code.equals("TransactionConflict")) {
                    throw e;
                }
            }
            return false;
        }
    }

    private TransactWriteItem put(String pk, String sk, String condition, Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.putAll(attributes);
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)).build();
    }

    private TransactWriteItem delete(String pk, String sk, String condition) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, sk))
                .conditionExpression(condition)).build();
    }

    private TransactWriteItem absent(String pk, String sk) {
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(pk, sk))
                .conditionExpression(ABSENT)).build();
    }

    /** A block edge keeps the time of the first block when written again. */
    private TransactWriteItem blockEdge(String pk, String sk, String owner, String otherName, String other, Instant at) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk, sk))
                .updateExpression("SET userId = :owner, #other = :other, blockedAt = if_not_exists(blockedAt, :at)")
                .expressionAttributeNames(Map.of("#other", otherName))
                .expressionAttributeValues(Map.of(":owner", s(owner), ":other", s(other), ":at", time(at)))).build();
    }

    private static Map<String, AttributeValue> lastKey(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    }
}
