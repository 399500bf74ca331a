package app.realmoments.profile.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.aws.BatchGet;
import app.realmoments.error.Problem;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Profiles in the users table: {@code USER#id / PROFILE}, and the handle claim {@code HANDLE#h / HANDLE}
 * written in the same transaction, so two users racing for one handle cannot both win. The campus
 * attributes of the item ({@code campusId}, {@code campusVerifiedAt}, {@code schoolEmail}) belong to
 * verification, which writes them with the campus's member list; this store only reads them.
 */
public final class DynamoProfileStore implements ProfileStore {

    private static final String PROFILE = "PROFILE";
    private static final String HANDLE = "HANDLE";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProfileStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Profile> find(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + userId, PROFILE)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Map<String, Profile> findAll(Collection<String> userIds) {
        Map<String, Profile> found = new HashMap<>();
        BatchGet.items(dynamo, table, List.copyOf(userIds), DynamoProfileStore::profileKey)
                .forEach(item -> found.put(str(item, "userId"), fromItem(item)));
        return found;
    }

    @Override
    public void save(Profile profile, String previousHandle) {
        save(profile, previousHandle, false, null);
    }

    /**
     * The profile is written only if it is still {@code previous} (same handle and {@code updatedAt}, or
     * absent when there is none), so of two concurrent updates one wins and the other's handle claim is
     * never written.
     */
    @Override
    public void update(Profile previous, Profile profile) {
        save(profile, previous == null ? null : previous.handle(), true, previous);
    }

    /**
     * Sets the handle, display name and times, and claims a new handle in the same transaction; never the
     * campus attributes, which only verification writes (campus/dynamo/DynamoMembershipStore).
     */
    private void save(Profile profile, String previousHandle, boolean conditional, Profile previous) {
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":userId", s(profile.userId()),
                ":handle", s(profile.handle()),
                ":displayName", s(profile.displayName()),
                ":createdAt", time(profile.createdAt()),
                ":updatedAt", time(profile.updatedAt())));
        String condition = null;
        if (conditional) {
            // a concurrent update would leave a handle claim held forever: only one of the two writes wins
            if (previous == null) {
                condition = "attribute_not_exists(pk)";
            } else {
                values.put(":previousHandle", s(previous.handle()));
                condition = "handle = :previousHandle";
                if (previous.updatedAt() == null) {
                    condition += " AND attribute_not_exists(updatedAt)";
                } else {
                    condition += " AND updatedAt = :previousUpdatedAt";
                    values.put(":previousUpdatedAt", time(previous.updatedAt()));
                }
            }
        }
        String guard = condition;
        writes.add(TransactWriteItem.builder().update(u -> {
            u.tableName(table).key(profileKey(profile.userId()))
                    .updateExpression("SET userId = :userId, handle = :handle, displayName = :displayName, "
                            + "createdAt = if_not_exists(createdAt, :createdAt), updatedAt = :updatedAt")
                    .expressionAttributeValues(values);
            if (guard != null) {
                u.conditionExpression(guard);
            }
        }).build());

        Map<String, AttributeValue> me = Map.of(":me", s(profile.userId()));
        if (!profile.handle().equals(previousHandle)) {
            Map<String, AttributeValue> claim = new HashMap<>(key("HANDLE#" + profile.handle(), HANDLE));
            claim.put("userId", s(profile.userId()));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(pk) OR userId = :me")
                    .expressionAttributeValues(me)).build());
            if (previousHandle != null) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key("HANDLE#" + previousHandle, HANDLE))
                        .conditionExpression("attribute_not_exists(pk) OR userId = :me")
                        .expressionAttributeValues(me)).build());
            }
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            if (find(profile.userId()).filter(stored -> sameWrite(stored, profile)).isPresent()) {
                return; // this very write, by an earlier try of this call whose answer was lost
            }
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean handleTaken = reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code());
            if (handleTaken) {
                throw Problem.conflict("handle_taken", "the handle " + profile.handle() + " is taken", "handle");
            }
            // a concurrent write to the same profile: the client may retry
            throw Problem.conflict("conflict", "the profile changed at the same time; try again", null);
        }
    }

    private static boolean sameWrite(Profile stored, Profile written) {
        return stored.handle().equals(written.handle()) && stored.displayName().equals(written.displayName())
                && java.util.Objects.equals(stored.updatedAt(), written.updatedAt());
    }

    /** The key of a user's profile item, for reads batched with other tables. */
    public static Map<String, AttributeValue> profileKey(String userId) {
        return key("USER#" + userId, PROFILE);
    }

    /**
     * A profile item read by {@link #profileKey}. Its campus is the verified one: a {@code campusId}
     * without {@code campusVerifiedAt} (typed into PUT /me before verification existed) is no membership.
     */
    public static Profile fromItem(Map<String, AttributeValue> item) {
        Instant verifiedAt = instant(item, "campusVerifiedAt");
        return new Profile(str(item, "userId"), str(item, "handle"), str(item, "displayName"),
                verifiedAt == null ? null : str(item, "campusId"), instant(item, "createdAt"), instant(item, "updatedAt"),
                verifiedAt, item.containsKey("hidden") && Boolean.TRUE.equals(item.get("hidden").bool()));
    }
}
