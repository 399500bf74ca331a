package app.realmoments.account.dynamo;

import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;

import app.realmoments.account.ErasureStore;
import app.realmoments.aws.BatchWrites;
import app.realmoments.retry.Backoff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Erasure's reads and deletes over the users, moments, feed, interactions and notifications tables: keys-only
 * Queries of the user's partitions and of the sparse user-side indexes (ByAuthor, ByReactor, ByCommenter,
 * ByActor), deletes 25 to a BatchWriteItem (unprocessed ones retried with backoff, then a throttling
 * failure: the job is redelivered and the walk resumes), and the claims' conditional DeleteItems.
 */
public final class DynamoErasureStore implements ErasureStore {

    private final DynamoDbClient dynamo;
    private final BatchWrites writes;
    private final String users;
    private final String moments;
    private final String feed;
    private final String interactions;
    private final String notifications;

    public DynamoErasureStore(DynamoDbClient dynamo, String users, String moments, String feed, String interactions,
                              String notifications) {
        this(dynamo, users, moments, feed, interactions, notifications, Backoff.STANDARD);
    }

    public DynamoErasureStore(DynamoDbClient dynamo, String users, String moments, String feed, String interactions,
                              String notifications, Backoff backoff) {
        this.dynamo = dynamo;
        this.writes = new BatchWrites(dynamo, backoff);
        this.users = users;
        this.moments = moments;
        this.feed = feed;
        this.interactions = interactions;
        this.notifications = notifications;
    }

    private static String user(String userId) {
        return "USER#" + userId;
    }

    @Override
    public Optional<ProfileKeys> profileKeys(String userId) {
        var item = dynamo.getItem(r -> r.tableName(users).key(key(user(userId), "PROFILE")).consistentRead(true)
                .projectionExpression("handle, campusId, schoolEmail")).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ProfileKeys(str(item, "handle"), str(item, "campusId"), str(item, "schoolEmail")));
    }

    /** Own sort-key prefix of each edge, and the sort-key prefix of its other side (null: none). */
    private static String ownPrefix(EdgeKind kind) {
        return switch (kind) {
            case FRIEND -> "FRIEND#";
            case REQUEST_OUT -> "REQ_OUT#";
            case REQUEST_IN -> "REQ_IN#";
            case BLOCK -> "BLOCK#";
            case BLOCKED_BY -> "BLOCKED_BY#";
            case COOLDOWN -> "COOLDOWN#";
        };
    }

    private static String otherPrefix(EdgeKind kind) {
        return switch (kind) {
            case FRIEND -> "FRIEND#";
            case REQUEST_OUT -> "REQ_IN#";
            case REQUEST_IN -> "REQ_OUT#";
            case BLOCK -> "BLOCKED_BY#";
            case BLOCKED_BY -> "BLOCK#";
            case COOLDOWN -> null;
        };
    }

    @Override
    public List<Edge> edges(String userId) {
        List<Edge> edges = new ArrayList<>();
        for (Map<String, AttributeValue> item : keysOf(users, user(userId))) {
            String sk = str(item, "sk");
            for (EdgeKind kind : EdgeKind.values()) {
                if (sk.startsWith(ownPrefix(kind))) {
                    edges.add(new Edge(kind, sk.substring(ownPrefix(kind).length())));
                    break;
                }
            }
        }
        return edges;
    }

    @Override
    public void removeEdges(String userId, List<Edge> edges) {
        List<WriteRequest> others = new ArrayList<>();
        List<WriteRequest> own = new ArrayList<>();
        for (Edge edge : edges) {
            String other = otherPrefix(edge.kind());
            if (other != null) {
                others.add(delete(user(edge.otherId()), other + userId));
            }
            own.add(delete(user(userId), ownPrefix(edge.kind()) + edge.otherId()));
        }
        // the other sides first: the user's own items are what lead a resumed run to them
        writes.apply(users, others, "reverse edge deletes");
        writes.apply(users, own, "edge deletes");
    }

    @Override
    public Set<String> requesters(String userId) {
        Set<String> requesters = new TreeSet<>();
        for (var page : dynamo.queryPaginator(q -> q.tableName(notifications).keyConditionExpression("pk = :pk")
                .filterExpression("#type = :request").projectionExpression("actorId")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":pk", s(user(userId)), ":request", s("friend_request"))))) {
            for (var item : page.items()) {
                if (str(item, "actorId") != null) {
                    requesters.add(str(item, "actorId"));
                }
            }
        }
        return requesters;
    }

    @Override
    public void removeCooldownsNaming(String userId, Collection<String> others) {
        writes.apply(users, others.stream().map(other -> delete(user(other), "COOLDOWN#" + userId)).toList(),
                "cooldown deletes");
    }

    @Override
    public boolean holdsTokenClaim(String userId, String deviceId, String tokenHash) {
        var claim = dynamo.getItem(r -> r.tableName(users).key(key("DEVICE_TOKEN#" + tokenHash, "TOKEN")).consistentRead(true)).item();
        return claim != null && userId.equals(str(claim, "userId")) && deviceId.equals(str(claim, "deviceId"));
    }

    @Override
    public void removeTokenClaim(String userId, String deviceId, String tokenHash) {
        try {
            dynamo.deleteItem(r -> r.tableName(users).key(key("DEVICE_TOKEN#" + tokenHash, "TOKEN"))
                    .conditionExpression("userId = :me AND deviceId = :device")
                    .expressionAttributeValues(Map.of(":me", s(userId), ":device", s(deviceId))));
        } catch (ConditionalCheckFailedException goneOrMoved) {
            // not this device's any more
        }
    }

    @Override
    public void removeHandleClaim(String handle, String userId) {
        deleteIfOwned(key("HANDLE#" + handle, "HANDLE"), userId);
    }

    @Override
    public void removeSchoolEmailClaim(String schoolEmailHash, String userId) {
        deleteIfOwned(key("SCHOOL_EMAIL#" + schoolEmailHash, "CLAIM"), userId);
    }

    private void deleteIfOwned(Map<String, AttributeValue> key, String userId) {
        try {
            dynamo.deleteItem(r -> r.tableName(users).key(key).conditionExpression("userId = :me")
                    .expressionAttributeValues(Map.of(":me", s(userId))));
        } catch (ConditionalCheckFailedException goneOrSomeoneElses) {
            // nothing of this user's there
        }
    }

    @Override
    public void removeMembership(String campusId, String userId) {
        dynamo.deleteItem(r -> r.tableName(users).key(key("CAMPUS#" + campusId, "MEMBER#" + userId)));
    }

    @Override
    public List<OwnMoment> momentsOf(String userId) {
        List<OwnMoment> own = new ArrayList<>();
        for (var page : dynamo.queryPaginator(q -> q.tableName(moments).indexName("ByAuthor")
                .keyConditionExpression("authorId = :a").projectionExpression("momentId, #status")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":a", s(userId))))) {
            for (var item : page.items()) {
                own.add(new OwnMoment(str(item, "momentId"), "pending".equals(str(item, "status"))));
            }
        }
        return own;
    }

    @Override
    public List<Interaction> interactionsBy(String userId) {
        Set<Interaction> found = new LinkedHashSet<>();
        for (var page : dynamo.queryPaginator(q -> q.tableName(interactions).indexName("ByReactor")
                .keyConditionExpression("userId = :u").expressionAttributeValues(Map.of(":u", s(userId))))) {
            for (var item : page.items()) {
                if (str(item, "sk").startsWith("REACTION#")) {
                    found.add(new Interaction(InteractionKind.REACTION, momentOf(item), null));
                }
            }
        }
        Set<String> commentedOn = new TreeSet<>();
        for (var page : dynamo.queryPaginator(q -> q.tableName(interactions).indexName("ByCommenter")
                .keyConditionExpression("authorId = :u").expressionAttributeValues(Map.of(":u", s(userId))))) {
            for (var item : page.items()) {
                String sk = str(item, "sk");
                if (sk.startsWith("COMMENT#")) {
                    found.add(new Interaction(InteractionKind.COMMENT, momentOf(item), sk.substring("COMMENT#".length())));
                    commentedOn.add(momentOf(item));
                } else if (sk.startsWith("IDEMPOTENCY#")) {
                    found.add(new Interaction(InteractionKind.COMMENT_MARKER, momentOf(item), sk));
                }
            }
        }
        // markers written before they carried authorId: by key prefix, on the moments the user commented on
        for (String momentId : commentedOn) {
            for (var item : keysOf(QueryRequest.builder().tableName(interactions)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :marker)")
                    .expressionAttributeValues(Map.of(":pk", s("MOMENT#" + momentId), ":marker", s("IDEMPOTENCY#" + userId + "#")))
                    .projectionExpression("pk, sk").build())) {
                found.add(new Interaction(InteractionKind.COMMENT_MARKER, momentId, str(item, "sk")));
            }
        }
        return List.copyOf(found);
    }

    private static String momentOf(Map<String, AttributeValue> item) {
        return str(item, "pk").substring("MOMENT#".length());
    }

    @Override
    public void removeUncounted(String userId, Interaction interaction) {
        String sk = switch (interaction.kind()) {
            case REACTION -> "REACTION#" + userId;
            case COMMENT -> "COMMENT#" + interaction.id();
            case COMMENT_MARKER -> interaction.id();
        };
        dynamo.deleteItem(r -> r.tableName(interactions).key(key("MOMENT#" + interaction.momentId(), sk)));
    }

    @Override
    public int removeFeedOf(String userId) {
        return deletePartition(feed, user(userId));
    }

    @Override
    public int removeInboxOf(String userId) {
        return deletePartition(notifications, user(userId));
    }

    @Override
    public int removeCausedNotifications(String userId) {
        List<Map<String, AttributeValue>> keys = keysOf(QueryRequest.builder().tableName(notifications).indexName("ByActor")
                .keyConditionExpression("actorId = :a").expressionAttributeValues(Map.of(":a", s(userId)))
                .projectionExpression("pk, sk").build());
        writes.deleteItems(notifications, keys, "caused inbox deletes");
        return keys.size();
    }

    @Override
    public int removeUserPartition(String userId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(keysOf(users, user(userId)));
        boolean profile = keys.removeIf(k -> "PROFILE".equals(str(k, "sk")));
        writes.deleteItems(users, keys, "user partition deletes");
        if (profile) {
            // last: it leads a resumed run to the claims
            dynamo.deleteItem(r -> r.tableName(users).key(key(user(userId), "PROFILE")));
        }
        return keys.size() + (profile ? 1 : 0);
    }

    private int deletePartition(String table, String pk) {
        List<Map<String, AttributeValue>> keys = keysOf(table, pk);
        writes.deleteItems(table, keys, "partition deletes");
        return keys.size();
    }

    private List<Map<String, AttributeValue>> keysOf(String table, String pk) {
        return keysOf(QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk))).projectionExpression("pk, sk").consistentRead(true).build());
    }

    private List<Map<String, AttributeValue>> keysOf(QueryRequest query) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        dynamo.queryPaginator(query).forEach(page -> keys.addAll(page.items()));
        return keys;
    }

    private static WriteRequest delete(String pk, String sk) {
        return WriteRequest.builder().deleteRequest(d -> d.key(key(pk, sk))).build();
    }
}
