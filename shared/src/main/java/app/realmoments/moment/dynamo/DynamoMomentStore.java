package app.realmoments.moment.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.num;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.aws.BatchGet;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Moments in the moments table, one item each. Every state change is a conditional update, so S3
 * events that arrive twice or out of order change a moment once.
 */
public final class DynamoMomentStore implements MomentStore {

    /** How long a rejected moment stays, so its author can read why. */
    static final Duration REJECTED_LIFETIME = Duration.ofDays(7);

    /** How long an Idempotency-Key of POST /moments keeps answering with the moment it started. */
    static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final DynamoDbClient dynamo;
    private final String table;
    private final String usersTable;

    /**
     * @param usersTable where the Idempotency-Key markers of started moments are kept (the author's partition);
     *                   null for a function that never starts a moment with a key
     */
    public DynamoMomentStore(DynamoDbClient dynamo, String table, String usersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.usersTable = usersTable;
    }

    /**
     * One conditional Put of the moment or, with a key, a transaction of that Put and the marker
     * {@code USER#author / IDEMPOTENCY#moment#key} (momentId, fingerprint, a TTL of a day). When the
     * moment's own condition fails, the item is read: if it is this very moment (same author and start),
     * the write was an earlier try of this call whose answer was lost, and the create has succeeded.
     */
    @Override
    public boolean create(Moment moment, Instant expiresAt, Once once) {
        Map<String, AttributeValue> item = toItem(moment);
        item.put("expiresAt", n(expiresAt.getEpochSecond()));
        item.put("pendingRoles", AttributeValue.fromSs(moment.images().keySet().stream().map(ImageRole::wire).toList()));
        try {
            if (once == null) {
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(momentId)"));
                return true;
            }
            if (usersTable == null) {
                throw new IllegalStateException("this moment store was built without the users table (USERS_TABLE)");
            }
            Map<String, AttributeValue> marker = new HashMap<>(markerKey(moment.authorId(), once.key()));
            marker.put("momentId", s(moment.momentId()));
            marker.put("fingerprint", s(once.fingerprint()));
            marker.put("expiresAt", n(moment.createdAt().plus(KEY_LIFETIME).getEpochSecond()));
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                            .conditionExpression("attribute_not_exists(momentId)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(usersTable).item(marker)
                            .conditionExpression("attribute_not_exists(pk)")).build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            if (isOurs(moment)) {
                return true;
            }
            throw e;
        } catch (TransactionCanceledException e) {
            if (isOurs(moment)) {
                return true; // both items were written by the try whose answer was lost
            }
            boolean keyTaken = e.hasCancellationReasons() && e.cancellationReasons().size() > 1
                    && "ConditionalCheckFailed".equals(e.cancellationReasons().get(1).code());
            if (keyTaken) {
                return false;
            }
            throw e;
        }
    }

    /** Whether the stored item of this moment's id is this moment: same author, same start. */
    private boolean isOurs(Moment moment) {
        return find(moment.momentId()).map(m -> m.authorId().equals(moment.authorId())
                && m.createdAt().equals(moment.createdAt())).orElse(false);
    }

    @Override
    public Optional<Earlier> earlier(String authorId, String idempotencyKey) {
        var item = dynamo.getItem(r -> r.tableName(usersTable).key(markerKey(authorId, idempotencyKey))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(new Earlier(str(item, "momentId"), str(item, "fingerprint")));
    }

    private static Map<String, AttributeValue> markerKey(String authorId, String idempotencyKey) {
        return app.realmoments.aws.Attrs.key("USER#" + authorId, "IDEMPOTENCY#moment#" + idempotencyKey);
    }

    @Override
    public Optional<Moment> find(String momentId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key(momentId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Map<String, Moment> findAll(Collection<String> momentIds) {
        Map<String, Moment> found = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchGet.items(dynamo, table, List.copyOf(momentIds), DynamoMomentStore::key)) {
            Moment moment = fromItem(item);
            found.put(moment.momentId(), moment);
        }
        return found;
    }

    @Override
    public ImageMark markImageReady(String momentId, ImageRole role, int width, int height) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(momentId))
                    .updateExpression("SET images.#role.#st = :ready, images.#role.width = :w, images.#role.height = :h"
                            + " DELETE pendingRoles :roles")
                    .conditionExpression("#status = :pending AND contains(pendingRoles, :role)")
                    .expressionAttributeNames(Map.of("#role", role.wire(), "#st", "status", "#status", "status"))
                    .expressionAttributeValues(Map.of(":ready", s("ready"), ":w", n(width), ":h", n(height),
                            ":roles", AttributeValue.fromSs(List.of(role.wire())), ":role", s(role.wire()),
                            ":pending", s(MomentStatus.PENDING.wire()))));
            return ImageMark.MARKED;
        } catch (ConditionalCheckFailedException e) {
            Optional<Moment> now = find(momentId);
            boolean ready = now.map(m -> m.images().get(role)).map(MomentImage::ready).orElse(false);
            return ready ? ImageMark.ALREADY_READY : ImageMark.NOT_PENDING;
        }
    }

    @Override
    public boolean publishIfComplete(String momentId, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(momentId))
                    .updateExpression("SET #status = :published, publishedAt = :at REMOVE expiresAt")
                    .conditionExpression("#status = :pending AND attribute_not_exists(pendingRoles)"
                            + " AND (attribute_not_exists(#held) OR #held = :released)")
                    .expressionAttributeNames(Map.of("#status", "status", "#held", "held"))
                    .expressionAttributeValues(Map.of(":published", s(MomentStatus.PUBLISHED.wire()),
                            ":pending", s(MomentStatus.PENDING.wire()), ":at", time(at),
                            ":released", AttributeValue.fromBool(false))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * {@code held = true} and no {@code expiresAt}: a held moment waits for its moderator, however long. A
     * released moment keeps {@code held = false}, so it can be held again only for an image not yet reviewed.
     */
    @Override
    public boolean hold(String momentId) {
        return reviewUpdate(momentId, "SET #held = :held REMOVE expiresAt",
                "#status = :pending AND (attribute_not_exists(#held) OR #held = :released)");
    }

    @Override
    public boolean release(String momentId) {
        return reviewUpdate(momentId, "SET #held = :released", "#status = :pending AND #held = :held");
    }

    /** One conditional update of a pending moment's {@code held}; true when its condition held. */
    private boolean reviewUpdate(String momentId, String update, String condition) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(momentId))
                    .updateExpression(update)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#status", "status", "#held", "held"))
                    .expressionAttributeValues(Map.of(":pending", s(MomentStatus.PENDING.wire()),
                            ":held", AttributeValue.fromBool(true), ":released", AttributeValue.fromBool(false))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean reject(String momentId, String reason) {
        try {
            long expires = Instant.now().plus(REJECTED_LIFETIME).getEpochSecond();
            dynamo.updateItem(r -> r.tableName(table).key(key(momentId))
                    .updateExpression("SET #status = :rejected, rejectReason = :reason, expiresAt = :expires")
                    .conditionExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":rejected", s(MomentStatus.REJECTED.wire()),
                            ":pending", s(MomentStatus.PENDING.wire()), ":reason", s(reason),
                            ":expires", n(expires))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void delete(String momentId) {
        dynamo.deleteItem(r -> r.tableName(table).key(key(momentId)));
    }

    @Override
    public Slice byAuthor(String authorId, AuthorFilter filter, int limit, Map<String, String> position) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":a", s(authorId)));
        Map<String, String> names = new HashMap<>();
        String condition = null;
        if (filter instanceof AuthorFilter.Published || filter instanceof AuthorFilter.PublishedToCampus) {
            condition = "#status = :published";
            names.put("#status", "status");
            values.put(":published", s(MomentStatus.PUBLISHED.wire()));
        }
        if (filter instanceof AuthorFilter.PublishedToCampus campus) {
            condition += " AND audience = :campus AND campusId = :campusId";
            values.put(":campus", s(Audience.CAMPUS.wire()));
            values.put(":campusId", s(campus.campusId()));
        }
        var query = software.amazon.awssdk.services.dynamodb.model.QueryRequest.builder().tableName(table)
                .indexName("ByAuthor")
                .keyConditionExpression("authorId = :a")
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit);
        if (condition != null) {
            query.filterExpression(condition).expressionAttributeNames(names);
        }
        if (position != null) {
            String after = position.get("after");
            query.exclusiveStartKey(Map.of("authorId", s(authorId), "momentId", s(after)));
        }
        var response = dynamo.query(query.build());
        List<Moment> found = response.items().stream().map(DynamoMomentStore::fromItem).toList();
        Map<String, String> next = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            next = Map.of("after", response.lastEvaluatedKey().get("momentId").s());
        }
        return new Slice(found, next);
    }

    /** One Query of the ByAuthor index over the ids since {@code since} (ids sort by time), counting the published. */
    @Override
    public boolean postedSince(String authorId, Instant since) {
        var response = dynamo.query(r -> r.tableName(table).indexName("ByAuthor")
                .keyConditionExpression("authorId = :a AND momentId >= :from")
                .filterExpression("#status = :published")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":a", s(authorId), ":from", s(app.realmoments.id.Ids.floorOf(since)),
                        ":published", s(MomentStatus.PUBLISHED.wire())))
                .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT));
        return response.count() != null && response.count() > 0;
    }

    /** One Query of the ByAuthor index over the ids since {@code since}, counting the pending ones. */
    @Override
    public int pendingSince(String authorId, Instant since) {
        int pending = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamo.query(r -> r.tableName(table).indexName("ByAuthor")
                    .keyConditionExpression("authorId = :a AND momentId >= :from")
                    .filterExpression("#status = :pending")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":a", s(authorId), ":from", s(app.realmoments.id.Ids.floorOf(since)),
                            ":pending", s(MomentStatus.PENDING.wire())))
                    .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                    .exclusiveStartKey(from));
            pending += response.count() == null ? 0 : response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return pending;
    }

    /** The key of a moment's item, for reads batched with other tables. */
    public static Map<String, AttributeValue> key(String momentId) {
        return Map.of("momentId", s(momentId));
    }

    static Map<String, AttributeValue> toItem(Moment moment) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("momentId", s(moment.momentId()));
        item.put("authorId", s(moment.authorId()));
        if (moment.caption() != null) {
            item.put("caption", s(moment.caption()));
        }
        item.put("audience", s(moment.audience().wire()));
        if (moment.campusId() != null) {
            item.put("campusId", s(moment.campusId()));
        }
        item.put("status", s(moment.status().wire()));
        if (moment.rejectReason() != null) {
            item.put("rejectReason", s(moment.rejectReason()));
        }
        item.put("createdAt", time(moment.createdAt()));
        if (moment.publishedAt() != null) {
            item.put("publishedAt", time(moment.publishedAt()));
        }
        if (moment.lateMinutes() != null) {
            item.put("lateMinutes", n(moment.lateMinutes()));
        }
        Map<String, AttributeValue> images = new HashMap<>();
        moment.images().forEach((role, image) -> {
            Map<String, AttributeValue> value = new HashMap<>();
            value.put("contentType", s(image.contentType()));
            value.put("contentLength", n(image.contentLength()));
            value.put("status", s(image.ready() ? "ready" : "pending"));
            if (image.width() != null) {
                value.put("width", n(image.width()));
                value.put("height", n(image.height()));
            }
            images.put(role.wire(), AttributeValue.fromM(value));
        });
        item.put("images", AttributeValue.fromM(images));
        // Interaction counts live on the moment, so every page read that fetches moments gets them free.
        Map<String, AttributeValue> counts = new HashMap<>();
        moment.reactionCounts().forEach((emoji, count) -> counts.put(emoji, n(count)));
        item.put("reactionCounts", AttributeValue.fromM(counts));
        item.put("commentCount", n(moment.commentCount()));
        if (moment.review() != Moment.Review.NONE) {
            item.put("held", AttributeValue.fromBool(moment.held()));
        }
        return item;
    }

    /** Reads the item shape written by {@link #toItem}; also what the stream's images carry. */
    public static Moment fromItem(Map<String, AttributeValue> item) {
        Map<ImageRole, MomentImage> images = new EnumMap<>(ImageRole.class);
        AttributeValue stored = item.get("images");
        if (stored != null && stored.m() != null) {
            stored.m().forEach((name, value) -> {
                ImageRole role = ImageRole.fromWire(name);
                if (role != null) {
                    Map<String, AttributeValue> m = value.m();
                    Long width = num(m, "width");
                    Long height = num(m, "height");
                    images.put(role, new MomentImage(role, str(m, "contentType"), num(m, "contentLength"),
                            "ready".equals(str(m, "status")),
                            width == null ? null : width.intValue(), height == null ? null : height.intValue()));
                }
            });
        }
        Long late = num(item, "lateMinutes");
        Map<String, Integer> counts = new HashMap<>();
        AttributeValue storedCounts = item.get("reactionCounts");
        if (storedCounts != null && storedCounts.hasM()) {
            storedCounts.m().forEach((emoji, value) -> {
                if (value.n() != null && Long.parseLong(value.n()) > 0) {
                    counts.put(emoji, (int) Long.parseLong(value.n()));
                }
            });
        }
        Long comments = num(item, "commentCount");
        return new Moment(str(item, "momentId"), str(item, "authorId"), str(item, "caption"),
                Audience.fromWire(str(item, "audience")), str(item, "campusId"),
                MomentStatus.fromWire(str(item, "status")), str(item, "rejectReason"),
                instant(item, "createdAt"), instant(item, "publishedAt"),
                late == null ? null : late.intValue(), images, counts,
                comments == null ? 0 : (int) Math.max(0, comments),
                reviewOf(item.get("held")), item.containsKey("hidden") && Boolean.TRUE.equals(item.get("hidden").bool()));
    }

    /** {@code held}: absent (never held), true (held for review) or false (released by a moderator). */
    private static Moment.Review reviewOf(AttributeValue held) {
        if (held == null || held.bool() == null) {
            return Moment.Review.NONE;
        }
        return held.bool() ? Moment.Review.HELD : Moment.Review.RELEASED;
    }
}
