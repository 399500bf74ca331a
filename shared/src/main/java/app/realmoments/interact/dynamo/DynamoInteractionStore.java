package app.realmoments.interact.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.activity.Change;
import app.realmoments.aws.BatchGet;
import app.realmoments.error.Problem;
import app.realmoments.interact.Comment;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.MomentStatus;
import app.realmoments.retry.Backoff;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Reactions ({@code MOMENT#id / REACTION#userId}) and comments ({@code MOMENT#id / COMMENT#commentId})
 * in the interactions table; their counts ({@code reactionCounts} map, {@code commentCount}) on the
 * moment item in the moments table, changed in the same {@code TransactWriteItems} as the item, so a
 * page read of moments carries the counts without another call.
 */
public final class DynamoInteractionStore implements InteractionStore {

    private static final String REACTION = "REACTION#";
    private static final String COMMENT = "COMMENT#";
    private static final String IDEMPOTENCY = "IDEMPOTENCY#";
    /** Tries again of a transaction cancelled by a concurrent one on the same moment, before giving up. */
    private static final int CONFLICT_RETRIES = 6;

    private final DynamoDbClient dynamo;
    private final String table;
    private final String momentsTable;

    public DynamoInteractionStore(DynamoDbClient dynamo, String interactionsTable, String momentsTable) {
        this.dynamo = dynamo;
        this.table = interactionsTable;
        this.momentsTable = momentsTable;
    }

    @Override
    public Optional<Reaction> reaction(String momentId, String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(pk(momentId), REACTION + userId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(reactionOf(item));
    }

    @Override
    public Map<String, String> of(String userId, Collection<String> momentIds) {
        Map<String, String> mine = new HashMap<>();
        BatchGet.items(dynamo, table, List.copyOf(momentIds), id -> reactionKey(userId, id))
                .forEach(item -> mine.put(str(item, "momentId"), str(item, "emoji")));
        return mine;
    }

    /** The key of {@code userId}'s reaction to a moment, for reads batched with other tables. */
    public static Map<String, AttributeValue> reactionKey(String userId, String momentId) {
        return key(pk(momentId), REACTION + userId);
    }

    /** momentId -> emoji of reaction items read by {@link #reactionKey}. */
    public static Map<String, String> emojisOf(Collection<Map<String, AttributeValue>> items) {
        Map<String, String> mine = new HashMap<>();
        items.forEach(item -> mine.put(str(item, "momentId"), str(item, "emoji")));
        return mine;
    }

    @Override
    public Outcome react(Reaction reaction, String previousEmoji) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(reaction.momentId()), REACTION + reaction.userId()));
        item.put("momentId", s(reaction.momentId()));
        item.put("userId", s(reaction.userId()));
        item.put("emoji", s(reaction.emoji()));
        item.put("reactedAt", time(reaction.reactedAt()));
        TransactWriteItem put = TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(item);
            if (previousEmoji == null) {
                p.conditionExpression("attribute_not_exists(pk)");
            } else {
                p.conditionExpression("emoji = :previous").expressionAttributeValues(Map.of(":previous", s(previousEmoji)));
            }
        }).build();
        String increment = "SET reactionCounts.#new = if_not_exists(reactionCounts.#new, :zero) + :one";
        if (previousEmoji == null) {
            return countedWrite(reaction.momentId(), List.of(put), increment, null,
                    new HashMap<>(Map.of("#status", "status", "#new", reaction.emoji())),
                    new HashMap<>(Map.of(":zero", n(0), ":one", n(1), ":published", s(MomentStatus.PUBLISHED.wire()))));
        }
        return withDecrement(reaction.momentId(), previousEmoji, put, increment, reaction.emoji());
    }

    /**
     * The change and one count fewer of {@code emoji}: a count that reaches zero is removed from the
     * moment in the same transaction, so cycling through emoji never grows the item. Whether it reaches
     * zero is read first and made a condition; if another reaction moved the count meanwhile, read again.
     */
    private Outcome withDecrement(String momentId, String emoji, TransactWriteItem change, String increment,
                                  String newEmoji) {
        for (int attempt = 0; ; attempt++) {
            long current = count(momentId, emoji);
            Map<String, String> names = new HashMap<>(Map.of("#status", "status", "#old", emoji));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", n(1),
                    ":published", s(MomentStatus.PUBLISHED.wire())));
            String set = increment;
            String remove = null;
            String condition;
            if (current <= 1) {
                remove = "REMOVE reactionCounts.#old";
                condition = "(attribute_not_exists(reactionCounts.#old) OR reactionCounts.#old <= :one)";
            } else {
                set = (set == null ? "SET " : set + ", ") + "reactionCounts.#old = reactionCounts.#old - :one";
                condition = "reactionCounts.#old = :current";
                values.put(":current", n(current));
            }
            if (newEmoji != null) {
                names.put("#new", newEmoji);
                values.put(":zero", n(0));
            }
            String update = set == null ? remove : remove == null ? set : set + " " + remove;
            Outcome outcome = countedWrite(momentId, List.of(change), update, condition, names, values);
            if (outcome != Outcome.MOMENT_GONE || attempt >= CONFLICT_RETRIES || !published(momentId)) {
                return outcome;
            }
            Backoff.STANDARD.pause(attempt + 1); // the count moved under us: read it again
        }
    }

    private long count(String momentId, String emoji) {
        var item = dynamo.getItem(r -> r.tableName(momentsTable).key(Map.of("momentId", s(momentId)))
                .projectionExpression("reactionCounts.#e").expressionAttributeNames(Map.of("#e", emoji))
                .consistentRead(true)).item();
        AttributeValue counts = item == null ? null : item.get("reactionCounts");
        AttributeValue value = counts == null || !counts.hasM() ? null : counts.m().get(emoji);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }

    private boolean published(String momentId) {
        var item = dynamo.getItem(r -> r.tableName(momentsTable).key(Map.of("momentId", s(momentId)))
                .projectionExpression("#status").expressionAttributeNames(Map.of("#status", "status"))
                .consistentRead(true)).item();
        return item != null && item.get("status") != null && MomentStatus.PUBLISHED.wire().equals(item.get("status").s());
    }

    @Override
    public Outcome unreact(String momentId, String userId, String previousEmoji) {
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(key(pk(momentId), REACTION + userId))
                .conditionExpression("emoji = :previous")
                .expressionAttributeValues(Map.of(":previous", s(previousEmoji)))).build();
        return withDecrement(momentId, previousEmoji, delete, null, null);
    }

    @Override
    public Outcome addComment(Comment comment, String idempotencyKey) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk(comment.momentId()), COMMENT + comment.commentId()));
        item.put("momentId", s(comment.momentId()));
        item.put("commentId", s(comment.commentId()));
        item.put("authorId", s(comment.authorId()));
        item.put("text", s(comment.text()));
        item.put("createdAt", time(comment.createdAt()));
        if (comment.hidden()) {
            item.put("hidden", AttributeValue.fromBool(true));
        }
        List<TransactWriteItem> changes = new ArrayList<>();
        changes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build());
        if (idempotencyKey != null) {
            // the key's marker, written with the comment or not at all: a retry finds it and makes no second comment
            Map<String, AttributeValue> marker = new HashMap<>(
                    key(pk(comment.momentId()), IDEMPOTENCY + comment.authorId() + "#" + idempotencyKey));
            marker.put("commentId", s(comment.commentId()));
            // ByCommenter (authorId, sk) finds the marker with the author's comments: erasure deletes both
            marker.put("authorId", s(comment.authorId()));
            changes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(marker)
                    .conditionExpression("attribute_not_exists(pk)")).build());
        }
        return countedWrite(comment.momentId(), changes, "SET commentCount = if_not_exists(commentCount, :zero) + :one", null,
                new HashMap<>(Map.of("#status", "status")),
                new HashMap<>(Map.of(":zero", n(0), ":one", n(1), ":published", s(MomentStatus.PUBLISHED.wire()))));
    }

    @Override
    public Optional<String> commentIdForKey(String momentId, String authorId, String idempotencyKey) {
        var item = dynamo.getItem(r -> r.tableName(table)
                .key(key(pk(momentId), IDEMPOTENCY + authorId + "#" + idempotencyKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(str(item, "commentId"));
    }

    @Override
    public Optional<Comment> comment(String momentId, String commentId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(pk(momentId), COMMENT + commentId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(commentOf(item));
    }

    @Override
    public boolean show(String momentId, String commentId) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(pk(momentId), COMMENT + commentId))
                    .updateExpression("REMOVE #hidden")
                    .conditionExpression("attribute_exists(pk) AND #hidden = :true")
                    .expressionAttributeNames(Map.of("#hidden", "hidden"))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Outcome deleteComment(String momentId, String commentId) {
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(table)
                .key(key(pk(momentId), COMMENT + commentId)).conditionExpression("attribute_exists(pk)")).build();
        return countedWrite(momentId, List.of(delete), "SET commentCount = if_not_exists(commentCount, :one) - :one", null,
                new HashMap<>(Map.of("#status", "status")),
                new HashMap<>(Map.of(":one", n(1), ":published", s(MomentStatus.PUBLISHED.wire()))));
    }

    @Override
    public Slice comments(String momentId, int limit, Map<String, String> position) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :comment)")
                .expressionAttributeValues(Map.of(":pk", s(pk(momentId)), ":comment", s(COMMENT)))
                .scanIndexForward(true).limit(limit).consistentRead(true);
        if (position != null && position.get("after") != null) {
            query.exclusiveStartKey(key(pk(momentId), COMMENT + position.get("after")));
        }
        var response = dynamo.query(query.build());
        List<Comment> comments = new ArrayList<>(response.items().stream().map(DynamoInteractionStore::commentOf).toList());
        Map<String, String> next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = Map.of("after", response.lastEvaluatedKey().get("sk").s().substring(COMMENT.length()));
        }
        return new Slice(comments, next);
    }

    /**
     * The item change and the moment's count update in one transaction. The moment must exist and be
     * published (so an update never recreates a deleted moment). A moment written before counts
     * existed gets an empty {@code reactionCounts} map once, then the transaction is tried again.
     * A {@code TransactionConflict} (another reaction or comment on the same moment committing at the
     * same time) is tried again after a short jittered back-off; only a failed condition on the
     * reaction or comment item itself is {@link Outcome#RACED}. {@code changes}: the reaction or comment
     * item first, then (a comment with a key) its idempotency marker; {@code countCondition}, if any, is
     * what the count update also requires of the moment.
     */
    private Outcome countedWrite(String momentId, List<TransactWriteItem> changes, String countUpdate,
                                 String countCondition, Map<String, String> names, Map<String, AttributeValue> values) {
        TransactWriteItem counts = TransactWriteItem.builder().update(Update.builder().tableName(momentsTable)
                .key(Map.of("momentId", s(momentId)))
                .updateExpression(countUpdate)
                .conditionExpression("attribute_exists(momentId) AND #status = :published"
                        + (countCondition == null ? "" : " AND " + countCondition))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values).build()).build();
        boolean mapAdded = false;
        for (int conflicts = 0; ; ) {
            try {
                List<TransactWriteItem> all = new ArrayList<>(changes);
                all.add(counts);
                dynamo.transactWriteItems(r -> r.transactItems(all));
                return Outcome.DONE;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                String item = reasons.size() > 0 ? reasons.get(0).code() : null;
                String marker = changes.size() > 1 && reasons.size() > 1 ? reasons.get(1).code() : null;
                String moment = reasons.size() > changes.size() ? reasons.get(changes.size()).code() : null;
                if ("ConditionalCheckFailed".equals(moment)) {
                    return Outcome.MOMENT_GONE;
                }
                if ("ConditionalCheckFailed".equals(marker)) {
                    return Outcome.DUPLICATE;
                }
                if ("ConditionalCheckFailed".equals(item)) {
                    return Outcome.RACED;
                }
                if ("ValidationError".equals(moment) && !mapAdded && addCountsMap(momentId)) {
                    mapAdded = true;
                    continue;
                }
                if (("TransactionConflict".equals(item) || "TransactionConflict".equals(marker)
                        || "TransactionConflict".equals(moment))
                        && conflicts < CONFLICT_RETRIES) {
                    // another write on the same moment committing at the same time: nothing was
                    // decided wrongly, so the same transaction is simply tried again
                    Backoff.STANDARD.pause(++conflicts);
                    continue;
                }
                if ("TransactionConflict".equals(item) || "TransactionConflict".equals(marker)
                        || "TransactionConflict".equals(moment)) {
                    throw Problem.conflict("conflict", "the moment changed at the same time many times over; try again", null);
                }
                throw e;
            } catch (DynamoDbException e) {
                // DynamoDB may also refuse the whole call up front for the missing map's document path
                boolean invalidPath = e.awsErrorDetails() != null
                        && "ValidationException".equals(e.awsErrorDetails().errorCode());
                if (invalidPath && !mapAdded && addCountsMap(momentId)) {
                    mapAdded = true;
                    continue;
                }
                throw e;
            }
        }
    }

    /** True when the moment lacked the map and now has it. */
    private boolean addCountsMap(String momentId) {
        try {
            dynamo.updateItem(r -> r.tableName(momentsTable).key(Map.of("momentId", s(momentId)))
                    .updateExpression("SET reactionCounts = :empty")
                    .conditionExpression("attribute_exists(momentId) AND attribute_not_exists(reactionCounts)")
                    .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * What a record of the interactions table's stream means: a reaction set or changed (INSERT, or a
     * MODIFY that changed its emoji, of {@code MOMENT#m / REACTION#u}), a comment made (INSERT of
     * {@code MOMENT#m / COMMENT#c}). Removals, counts and idempotency markers change nothing here.
     */
    public static Optional<Change> changeOf(String eventName, Map<String, AttributeValue> keys,
                                            Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {
        String pk = keys == null || keys.get("pk") == null ? null : keys.get("pk").s();
        String sk = keys == null || keys.get("sk") == null ? null : keys.get("sk").s();
        if (pk == null || sk == null || !pk.startsWith("MOMENT#") || newImage == null) {
            return Optional.empty();
        }
        String momentId = pk.substring("MOMENT#".length());
        if (sk.startsWith(REACTION) && ("INSERT".equals(eventName) || ("MODIFY".equals(eventName)
                && !java.util.Objects.equals(oldImage == null ? null : str(oldImage, "emoji"), str(newImage, "emoji"))))) {
            return Optional.of(new Change.Reacted(momentId, sk.substring(REACTION.length()), str(newImage, "emoji"),
                    instant(newImage, "reactedAt")));
        }
        // a hidden comment (held by the word list) notifies nobody: the moment's author may not read it
        if (sk.startsWith(COMMENT) && "INSERT".equals(eventName) && !isHidden(newImage)) {
            return Optional.of(new Change.Commented(momentId, sk.substring(COMMENT.length()), str(newImage, "authorId"),
                    instant(newImage, "createdAt")));
        }
        return Optional.empty();
    }

    static String pk(String momentId) {
        return "MOMENT#" + momentId;
    }

    static Reaction reactionOf(Map<String, AttributeValue> item) {
        return new Reaction(str(item, "momentId"), str(item, "userId"), str(item, "emoji"), instant(item, "reactedAt"));
    }

    static Comment commentOf(Map<String, AttributeValue> item) {
        return new Comment(str(item, "commentId"), str(item, "momentId"), str(item, "authorId"), str(item, "text"),
                instant(item, "createdAt"), isHidden(item));
    }

    private static boolean isHidden(Map<String, AttributeValue> item) {
        AttributeValue hidden = item.get("hidden");
        return hidden != null && Boolean.TRUE.equals(hidden.bool());
    }
}
