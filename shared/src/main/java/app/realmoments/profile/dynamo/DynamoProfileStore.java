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
 * written in the same transaction, so two users racing for one handle cannot both win.
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
     * Also keeps the campus membership: the profile is written only if it is still {@code previous}
     * (same {@code updatedAt}, handle and campus, or absent when there is none); when the campus changes, the old member
     * item goes and the new one (and the campus's registry item, so the prompt scheduler knows the campus)
     * is put, all in the one transaction.
     */
    @Override
    public void update(Profile previous, Profile profile) {
        save(profile, previous == null ? null : previous.handle(), true, previous);
    }

    /**
     * With {@code membership}, the profile is written only if it is still {@code previous} (null: there is
     * none yet), so of two concurrent updates one wins and the other's handle claim is never written.
     */
    private void save(Profile profile, String previousHandle, boolean membership, Profile previous) {
        String previousCampus = previous == null ? null : previous.campusId();
        List<TransactWriteItem> writes = new ArrayList<>();
        Map<String, AttributeValue> item = new HashMap<>(key("USER#" + profile.userId(), PROFILE));
        item.put("userId", s(profile.userId()));
        item.put("handle", s(profile.handle()));
        item.put("displayName", s(profile.displayName()));
        if (profile.campusId() != null) {
            item.put("campusId", s(profile.campusId()));
        }
        item.put("createdAt", time(profile.createdAt()));
        item.put("updatedAt", time(profile.updatedAt()));
        boolean campusChanges = membership && !java.util.Objects.equals(profile.campusId(), previousCampus);
        writes.add(TransactWriteItem.builder().put(p -> {
            p.tableName(table).item(item);
            if (membership) {
                // a concurrent update would leave two member items or a handle claim held forever:
                // only one of the two writes wins
                if (previous == null) {
                    p.conditionExpression("attribute_not_exists(pk)");
                } else {
                    Map<String, AttributeValue> was = new HashMap<>(Map.of(":previousHandle", s(previous.handle())));
                    String condition = "handle = :previousHandle";
                    if (previous.updatedAt() == null) {
                        condition += " AND attribute_not_exists(updatedAt)";
                    } else {
                        condition += " AND updatedAt = :previousUpdatedAt";
                        was.put(":previousUpdatedAt", time(previous.updatedAt()));
                    }
                    if (previousCampus == null) {
                        condition += " AND attribute_not_exists(campusId)";
                    } else {
                        condition += " AND campusId = :previousCampus";
                        was.put(":previousCampus", s(previousCampus));
                    }
                    p.conditionExpression(condition).expressionAttributeValues(was);
                }
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
        if (campusChanges) {
            if (previousCampus != null) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(key("CAMPUS#" + previousCampus, "MEMBER#" + profile.userId()))).build());
            }
            if (profile.campusId() != null) {
                Map<String, AttributeValue> member = new HashMap<>(key("CAMPUS#" + profile.campusId(),
                        "MEMBER#" + profile.userId()));
                member.put("userId", s(profile.userId()));
                member.put("joinedAt", time(profile.updatedAt()));
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(member)).build());
                Map<String, AttributeValue> campus = new HashMap<>(key("CAMPUSES", "CAMPUS#" + profile.campusId()));
                campus.put("campusId", s(profile.campusId()));
                writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(campus)).build());
            }
        }
        try {
            dynamo.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            boolean handleTaken = reasons.size() > 1 && "ConditionalCheckFailed".equals(reasons.get(1).code());
            if (handleTaken) {
                throw Problem.conflict("handle_taken", "the handle " + profile.handle() + " is taken", "handle");
            }
            // a concurrent write to the same profile: the client may retry
            throw Problem.conflict("conflict", "the profile changed at the same time; try again", null);
        }
    }

    /** The key of a user's profile item, for reads batched with other tables. */
    public static Map<String, AttributeValue> profileKey(String userId) {
        return key("USER#" + userId, PROFILE);
    }

    /** A profile item read by {@link #profileKey}. */
    public static Profile fromItem(Map<String, AttributeValue> item) {
        return new Profile(str(item, "userId"), str(item, "handle"), str(item, "displayName"),
                str(item, "campusId"), instant(item, "createdAt"), instant(item, "updatedAt"));
    }
}
