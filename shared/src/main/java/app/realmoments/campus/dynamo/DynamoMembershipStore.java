package app.realmoments.campus.dynamo;

import static app.realmoments.aws.Attrs.instant;
import static app.realmoments.aws.Attrs.key;
import static app.realmoments.aws.Attrs.n;
import static app.realmoments.aws.Attrs.num;
import static app.realmoments.aws.Attrs.s;
import static app.realmoments.aws.Attrs.str;
import static app.realmoments.aws.Attrs.time;

import app.realmoments.campus.CampusVerification;
import app.realmoments.campus.MembershipStore;
import app.realmoments.campus.SchoolEmail;
import app.realmoments.campus.Verification;
import app.realmoments.retry.Backoff;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Membership in the users table (docs/data-model.md): the waiting verification
 * {@code USER#u / CAMPUS_VERIFICATION}, the claim of a school address {@code SCHOOL_EMAIL#{sha256} / CLAIM},
 * the profile's {@code campusId}, {@code campusVerifiedAt} and {@code schoolEmail} (the claim's hash), and
 * the member item {@code CAMPUS#c / MEMBER#u} the daily prompt reads. Joining and leaving change all of
 * them in one transaction, conditioned on the profile's campus attributes as read, so two concurrent
 * changes never leave two member items or an orphaned claim.
 */
public final class DynamoMembershipStore implements MembershipStore {

    static final String VERIFICATION = "CAMPUS_VERIFICATION";
    static final String CLAIM = "CLAIM";
    /** A verification item stays a day past its code, so a retried confirmation still finds it used. */
    static final Duration KEPT = Duration.ofDays(1);
    /** Transactions tried again after a concurrent change of the profile. */
    private static final int ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoMembershipStore(DynamoDbClient dynamo, String usersTable) {
        this.dynamo = dynamo;
        this.table = usersTable;
    }

    @Override
    public Optional<Verification> verification(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(verificationKey(userId)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Verification(str(item, "verificationId"), userId, str(item, "campusId"),
                SchoolEmail.parse(str(item, "email")), str(item, "codeHash"), instant(item, "createdAt"),
                instant(item, "codeExpiresAt"), num(item, "wrongTries").intValue(), instant(item, "usedAt")));
    }

    @Override
    public void start(Verification v) {
        Map<String, AttributeValue> item = new HashMap<>(verificationKey(v.userId()));
        item.put("verificationId", s(v.verificationId()));
        item.put("userId", s(v.userId()));
        item.put("campusId", s(v.campusId()));
        item.put("email", s(v.email().address()));
        item.put("codeHash", s(v.codeHash()));
        item.put("createdAt", time(v.createdAt()));
        item.put("codeExpiresAt", time(v.expiresAt()));
        item.put("wrongTries", n(0));
        item.put("expiresAt", n(v.expiresAt().plus(KEPT).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public boolean countWrongTry(Verification v) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(verificationKey(v.userId()))
                    .updateExpression("SET wrongTries = :next")
                    .conditionExpression("verificationId = :v AND wrongTries = :tries AND attribute_not_exists(usedAt)")
                    .expressionAttributeValues(Map.of(":v", s(v.verificationId()), ":tries", n(v.wrongTries()),
                            ":next", n(v.wrongTries() + 1))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
    }

    @Override
    public void end(Verification v) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(verificationKey(v.userId()))
                    .conditionExpression("verificationId = :v AND attribute_not_exists(usedAt)")
                    .expressionAttributeValues(Map.of(":v", s(v.verificationId()))));
        } catch (ConditionalCheckFailedException replacedOrUsed) {
            // a newer verification, or this one used: leave it
        }
    }

    @Override
    public Optional<String> claimant(SchoolEmail email) {
        var item = dynamo.getItem(r -> r.tableName(table).key(claimKey(email.hash())).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(str(item, "userId"));
    }

    @Override
    public Joined join(Verification v, Instant at) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> profile = profileItem(v.userId());
            if (profile == null) {
                return Joined.NO_PROFILE;
            }
            String hash = v.email().hash();
            List<TransactWriteItem> writes = new ArrayList<>();
            // 0: the code is spent, once, and only while fewer than five wrong codes were tried
            writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(verificationKey(v.userId()))
                    .updateExpression("SET usedAt = :at")
                    .conditionExpression("verificationId = :v AND attribute_not_exists(usedAt) AND wrongTries < :max")
                    .expressionAttributeValues(Map.of(":at", time(at), ":v", s(v.verificationId()),
                            ":max", n(CampusVerification.MAX_WRONG_TRIES)))).build());
            // 1: the address is this user's (or already was)
            Map<String, AttributeValue> claim = new HashMap<>(claimKey(hash));
            claim.put("userId", s(v.userId()));
            claim.put("campusId", s(v.campusId()));
            claim.put("claimedAt", time(at));
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(claim)
                    .conditionExpression("attribute_not_exists(pk) OR userId = :me")
                    .expressionAttributeValues(Map.of(":me", s(v.userId())))).build());
            // 2: the profile names the campus, if its campus attributes are still as read
            writes.add(profileWrite(v.userId(), profile, "SET campusId = :campus, campusVerifiedAt = :at, schoolEmail = :hash",
                    Map.of(":campus", s(v.campusId()), ":at", time(at), ":hash", s(hash))));
            String previousClaim = str(profile, "schoolEmail");
            if (previousClaim != null && !previousClaim.equals(hash)) {
                writes.add(releaseClaim(previousClaim, v.userId()));
            }
            writes.addAll(memberMove(v.userId(), str(profile, "campusId"), v.campusId(), at));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return Joined.JOINED;
            } catch (TransactionCanceledException cancelled) {
                Map<String, AttributeValue> now = profileItem(v.userId());
                if (now != null && v.campusId().equals(str(now, "campusId")) && hash.equals(str(now, "schoolEmail"))
                        && now.containsKey("campusVerifiedAt")) {
                    return Joined.JOINED; // an earlier try of this call did it and its answer was lost
                }
                List<CancellationReason> reasons = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
                if (failed(reasons, 0)) {
                    return Joined.SPENT;
                }
                if (failed(reasons, 1)) {
                    return Joined.EMAIL_TAKEN;
                }
                if (attempt >= ATTEMPTS) {
                    throw cancelled;
                }
                Backoff.STANDARD.pause(attempt); // the profile changed meanwhile: read it again
            }
        }
    }

    @Override
    public void grant(String userId, String campusId, Instant at) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> profile = profileItem(userId);
            if (profile == null) {
                throw new IllegalStateException("no profile for " + userId);
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(profileWrite(userId, profile, "SET campusId = :campus, campusVerifiedAt = :at REMOVE schoolEmail",
                    Map.of(":campus", s(campusId), ":at", time(at))));
            String previousClaim = str(profile, "schoolEmail");
            if (previousClaim != null) {
                writes.add(releaseClaim(previousClaim, userId));
            }
            writes.addAll(memberMove(userId, str(profile, "campusId"), campusId, at));
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return;
            } catch (TransactionCanceledException cancelled) {
                if (attempt >= ATTEMPTS) {
                    throw cancelled;
                }
                Backoff.STANDARD.pause(attempt); // the profile changed meanwhile: read it again
            }
        }
    }

    @Override
    public boolean leave(String userId, Instant at) {
        for (int attempt = 1; ; attempt++) {
            Map<String, AttributeValue> profile = profileItem(userId);
            String campus = profile == null ? null : str(profile, "campusId");
            if (campus == null) {
                return false;
            }
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(profileWrite(userId, profile, "REMOVE campusId, campusVerifiedAt, schoolEmail", Map.of()));
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(memberKey(campus, userId))).build());
            String claim = str(profile, "schoolEmail");
            if (claim != null) {
                writes.add(releaseClaim(claim, userId));
            }
            try {
                dynamo.transactWriteItems(r -> r.transactItems(writes));
                return true;
            } catch (TransactionCanceledException cancelled) {
                if (attempt >= ATTEMPTS) {
                    throw cancelled;
                }
                Backoff.STANDARD.pause(attempt); // changed meanwhile (or left by an earlier try): read again
            }
        }
    }

    /**
     * The member item of {@code campusId} put, and the one of the campus the profile named before (verified
     * or not) deleted.
     */
    private List<TransactWriteItem> memberMove(String userId, String previousCampus, String campusId, Instant at) {
        List<TransactWriteItem> writes = new ArrayList<>();
        if (previousCampus != null && !previousCampus.equals(campusId)) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(memberKey(previousCampus, userId))).build());
        }
        Map<String, AttributeValue> member = new HashMap<>(memberKey(campusId, userId));
        member.put("userId", s(userId));
        member.put("joinedAt", time(at));
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(member)).build());
        return writes;
    }

    /** An update of the profile, conditioned on its campus attributes being what {@code read} holds. */
    private TransactWriteItem profileWrite(String userId, Map<String, AttributeValue> read, String update,
                                           Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        StringBuilder condition = new StringBuilder("attribute_exists(pk)");
        for (String attribute : List.of("campusId", "schoolEmail")) {
            String was = str(read, attribute);
            if (was == null) {
                condition.append(" AND attribute_not_exists(").append(attribute).append(')');
            } else {
                condition.append(" AND ").append(attribute).append(" = :was_").append(attribute);
                all.put(":was_" + attribute, s(was));
            }
        }
        return TransactWriteItem.builder().update(u -> {
            u.tableName(table).key(key("USER#" + userId, "PROFILE")).updateExpression(update)
                    .conditionExpression(condition.toString());
            if (!all.isEmpty()) {
                u.expressionAttributeValues(all);
            }
        }).build();
    }

    private TransactWriteItem releaseClaim(String hash, String userId) {
        return TransactWriteItem.builder().delete(d -> d.tableName(table).key(claimKey(hash))
                .conditionExpression("attribute_not_exists(pk) OR userId = :me")
                .expressionAttributeValues(Map.of(":me", s(userId)))).build();
    }

    private Map<String, AttributeValue> profileItem(String userId) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key("USER#" + userId, "PROFILE")).consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : item;
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    static Map<String, AttributeValue> verificationKey(String userId) {
        return key("USER#" + userId, VERIFICATION);
    }

    static Map<String, AttributeValue> claimKey(String hash) {
        return key("SCHOOL_EMAIL#" + hash, CLAIM);
    }

    static Map<String, AttributeValue> memberKey(String campusId, String userId) {
        return key("CAMPUS#" + campusId, "MEMBER#" + userId);
    }
}
