package app.realmoments.account;

import app.realmoments.account.AccountErasure.Step;
import java.util.List;

/**
 * The one registry of what holds user data: every kind of item of docs/data-model.md (each table's rows,
 * the moment item, the S3 key kinds) with how erasure handles it: erased by which steps of the walk, or
 * declared to hold no user data. {@code UserDataRegistryTest} reads the data model's tables and fails when
 * a kind is missing here (or listed here but gone from the document), so a new kind of item cannot be
 * added without teaching erasure about it.
 *
 * <p>To add a kind: a row in docs/data-model.md, a {@link Kind} here, and, if it needs a step the walk
 * does not have, an {@link AccountErasure.Part} for the walk's {@link Step#PARTS} (e.g. the moderation
 * reports: those a user filed erased, those against the user kept without the user's id or content).
 */
public final class UserData {

    private UserData() {
    }

    /** What erasure does with a kind of item. */
    public enum Handling {
        /** Every item of the user is deleted. */
        ERASED,
        /** The user's item and the other user's item naming the user are both deleted. */
        ERASED_BOTH_SIDES,
        /** Kept, with what named the user removed (e.g. a report against the user, for the moderators' audit). */
        KEPT_WITHOUT_THE_USER,
        /** Names nobody in the clear (a keyed hash) and expires by TTL once no token of the user is valid. */
        PSEUDONYMOUS_UNTIL_EXPIRY,
        /** Holds no user data. */
        NO_USER_DATA
    }

    /**
     * One kind of item: {@code store} is the table's or bucket's logical id in template.yaml, {@code item}
     * the first column of its row in docs/data-model.md (for a bucket, the key pattern).
     */
    public record Kind(String store, String item, Handling handling, List<Step> steps, String how) {
        public Kind {
            steps = List.copyOf(steps);
            if ((handling == Handling.NO_USER_DATA || handling == Handling.PSEUDONYMOUS_UNTIL_EXPIRY) != steps.isEmpty()) {
                throw new IllegalArgumentException(item + ": erased kinds name their steps, kept ones none");
            }
        }
    }

    private static Kind erased(String store, String item, String how, Step... steps) {
        return new Kind(store, item, Handling.ERASED, List.of(steps), how);
    }

    private static Kind bothSides(String store, String item, String how, Step... steps) {
        return new Kind(store, item, Handling.ERASED_BOTH_SIDES, List.of(steps), how);
    }

    private static Kind kept(String store, String item, String how, Step... steps) {
        return new Kind(store, item, Handling.KEPT_WITHOUT_THE_USER, List.of(steps), how);
    }

    private static Kind none(String store, String item, String why) {
        return new Kind(store, item, Handling.NO_USER_DATA, List.of(), why);
    }

    static final String USERS = "UsersTable";
    static final String MOMENTS = "MomentsTable";
    static final String FEED = "FeedTable";
    static final String INTERACTIONS = "InteractionsTable";
    static final String NOTIFICATIONS = "NotificationsTable";
    static final String MEDIA = "MediaBucket";
    static final String EXPORTS = "ExportsBucket";
    static final String MODERATION = "ModerationTable";

    public static final List<Kind> KINDS = List.of(
            erased(USERS, "profile", "deleted last of the user's partition (it leads to the claims)", Step.USER_PARTITION),
            erased(USERS, "handle claim", "deleted while it is still the user's (the handle from the profile)", Step.CLAIMS),
            bothSides(USERS, "friendship, one per direction", "the friend's item, then the user's", Step.SOCIAL_GRAPH),
            bothSides(USERS, "friend request sent by a", "the receiver's REQ_IN#, then the user's", Step.SOCIAL_GRAPH),
            bothSides(USERS, "the same request, received by b", "the sender's REQ_OUT#, then the user's", Step.SOCIAL_GRAPH),
            bothSides(USERS, "block of b by a", "the other's BLOCKED_BY#, then the user's", Step.SOCIAL_GRAPH),
            bothSides(USERS, "the same block, on b's side", "the blocker's BLOCK#, then the user's", Step.SOCIAL_GRAPH),
            bothSides(USERS, "cooldown of a withdrawn or declined request from a to b",
                    "the user's own with the partition; others' naming the user: those who asked the user (friend_request "
                            + "items of the inbox), and it expires in a day anyway", Step.SOCIAL_GRAPH, Step.COOLDOWNS_OF_OTHERS),
            erased(USERS, "quota counter of one rate and window", "with the user's partition", Step.USER_PARTITION),
            erased(USERS, "Idempotency-Key of a moment started with one", "with the user's partition", Step.USER_PARTITION),
            none(USERS, "campus registry entry", "a campus, named by admins"),
            erased(USERS, "a waiting school-email verification (one per user; a new one replaces it)",
                    "with the user's partition", Step.USER_PARTITION),
            erased(USERS, "claim of a school address by one account", "deleted while it is still the user's (the hash from the profile)",
                    Step.CLAIMS),
            erased(USERS, "verified membership, on the profile", "with the profile", Step.USER_PARTITION),
            erased(USERS, "campus member (the daily prompt pages these)", "the profile's campus", Step.CLAIMS),
            none(USERS, "a campus's prompt of one local day", "a campus's time, no one's"),
            none(USERS, "the same prompt in its UTC day's due list", "a campus's time, no one's"),
            erased(USERS, "device", "its SNS endpoint (if the token's claim was still the user's), then the item", Step.DEVICES),
            erased(USERS, "token claim", "deleted while this device still holds it", Step.DEVICES),
            erased(USERS, "notification settings", "with the user's partition", Step.USER_PARTITION),
            erased(USERS, "device list", "with the user's partition", Step.USER_PARTITION),
            erased(USERS, "export of a user's data", "with the user's partition (an exporter racing it finds the item gone "
                    + "and deletes the archive it wrote)", Step.USER_PARTITION),
            new Kind(USERS, "closed account (DELETE /me; every route refuses its tokens)", Handling.PSEUDONYMOUS_UNTIL_EXPIRY, List.of(),
                    "keyed by an HMAC of the user id; expires once every token issued before the deletion has"),
            bothSides(USERS, "what a user reported, one edge per target", "the user's with the partition (after the part "
                    + "read them); others' naming the user (found from the reports of the user target) by the part",
                    Step.PARTS, Step.USER_PARTITION),
            bothSides(USERS, "the list of everything a user reported", "the user's with the partition; the user's ref out of "
                    + "others' lists by the part", Step.PARTS, Step.USER_PARTITION),
            erased(USERS, "moderation's marks, on the profile", "with the profile", Step.USER_PARTITION),
            erased(MODERATION, "report, one per reporter and target", "the user's (from their edges), each with its case's "
                    + "counts corrected; reports of the user target kept, naming a placeholder (ReportErasure)", Step.PARTS),
            kept(MODERATION, "case: everything reported about one target", "for the moderators' audit: cases of the user's "
                    + "content lose authorId (ByAuthor), the user's own case moves under a placeholder key", Step.PARTS),
            kept(MODERATION, "audit entry, append-only", "entries of the user target (ByTarget) name the placeholder; a moderator's "
                    + "(ByModerator) a placeholder moderator, and so does their case's last",
                    Step.PARTS),
            erased(MOMENTS, "moment", "every moment of the user (ByAuthor), after its objects, feed entries and interactions",
                    Step.MOMENTS),
            erased(FEED, "feed entry (a pointer, < 1 KB)", "entries of the user's moments (ByMoment) in every feed, and "
                    + "the user's own feed partition", Step.MOMENTS, Step.FEED),
            erased(FEED, "campus feed entry (the same pointer)", "entries of the user's moments (ByMoment)", Step.MOMENTS),
            erased(INTERACTIONS, "reaction, one per user and moment", "the user's (ByReactor) through the counted delete; "
                    + "others' on the user's moments with the moment", Step.INTERACTIONS, Step.MOMENTS),
            erased(INTERACTIONS, "comment", "the user's (ByCommenter) through the counted delete; others' on the user's "
                    + "moments with the moment", Step.INTERACTIONS, Step.MOMENTS),
            erased(INTERACTIONS, "idempotency marker of a comment made with an `Idempotency-Key`",
                    "ByCommenter (authorId), and by key prefix on the moments the user commented on", Step.INTERACTIONS, Step.MOMENTS),
            erased(NOTIFICATIONS, "inbox item", "received: the user's partition; caused: ByActor", Step.INBOX,
                    Step.CAUSED_NOTIFICATIONS),
            erased(NOTIFICATIONS, "read marker", "the user's partition", Step.INBOX),
            erased(NOTIFICATIONS, "push window of a moment's reactions", "the user's partition", Step.INBOX),
            erased(NOTIFICATIONS, "push window of a moment's comments", "the user's partition", Step.INBOX),
            erased(MEDIA, "uploads/{userId}/{momentId}/{role}", "every role of every moment, and the whole prefix",
                    Step.MOMENTS, Step.UPLOADS),
            erased(MEDIA, "media/{momentId}/{role}.jpg", "every role of every moment of the user", Step.MOMENTS),
            erased(MEDIA, "media/{momentId}/{role}-thumb.jpg", "every role of every moment of the user", Step.MOMENTS),
            erased(EXPORTS, "{userId}/{exportId}.zip", "everything under {userId}/ (the sweep again a minute later)",
                    Step.EXPORT_OBJECTS));
}
