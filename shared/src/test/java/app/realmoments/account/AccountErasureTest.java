package app.realmoments.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The walk over a whole stack in memory: it leaves nothing naming the user and touches nothing of anyone
 * else but the edges and entries naming the user and the counts; a failure at ANY change part-way is
 * finished by the next run; a run on an erased user changes nothing.
 */
class AccountErasureTest {

    static final String U = "user-erased-1";
    static final String M1 = "01JMOMENTOFUSER0000000001";
    static final String M2 = "01JMOMENTOFUSER0000000002";
    static final String OTHERS = "01JMOMENTOFBOB00000000001";

    /** The user with everything, and two others (bob a friend, carol blocked by the user, dan blocking the user). */
    static ErasureWorld world() {
        ErasureWorld w = new ErasureWorld();
        w.poolUsers.addAll(List.of(U, "bob", "carol", "dan"));
        w.put("Users", "USER#" + U, "PROFILE", "userId", U, "handle", "erin", "campusId", "uni", "schoolEmail", "h1")
                .put("Users", "HANDLE#erin", "HANDLE", "userId", U)
                .put("Users", "SCHOOL_EMAIL#h1", "CLAIM", "userId", U)
                .put("Users", "CAMPUS#uni", "MEMBER#" + U, "userId", U)
                .put("Users", "USER#" + U, "CAMPUS_VERIFICATION", "email", "erin@uni.edu")
                .put("Users", "USER#" + U, "FRIEND#bob", "friendId", "bob")
                .put("Users", "USER#bob", "FRIEND#" + U, "friendId", U)
                .put("Users", "USER#" + U, "BLOCK#carol", "blockedId", "carol")
                .put("Users", "USER#carol", "BLOCKED_BY#" + U, "blockerId", U)
                .put("Users", "USER#dan", "BLOCK#" + U, "blockedId", U)
                .put("Users", "USER#" + U, "BLOCKED_BY#dan", "blockerId", "dan")
                .put("Users", "USER#" + U, "REQ_OUT#carol2", "toId", "carol2")
                .put("Users", "USER#carol2", "REQ_IN#" + U, "fromId", U)
                .put("Users", "USER#frank", "COOLDOWN#" + U, "otherId", U)
                .put("Users", "USER#" + U, "DEVICE#d1", "tokenHash", "t1", "endpointArn", "arn:endpoint/1")
                .put("Users", "DEVICE_TOKEN#t1", "TOKEN", "userId", U, "deviceId", "d1")
                .put("Sns", "arn:endpoint/1", "-", "customUserData", U)
                .put("Users", "USER#" + U, "NOTIFICATION_SETTINGS", "muted", "[]")
                .put("Users", "USER#" + U, "QUOTA#moments#1", "used", "1")
                .put("Users", "USER#" + U, "IDEMPOTENCY#moment#k", "momentId", M1)
                // the user's moments, their images, others' entries, reactions and comments on them
                .put("Moments", M1, "-", "authorId", U, "status", "published", "reactions", "1", "comments", "1")
                .put("Moments", M2, "-", "authorId", U, "status", "pending", "reactions", "0", "comments", "0")
                .put("Media", "media/" + M1 + "/back.jpg", "-").put("Media", "media/" + M1 + "/front-thumb.jpg", "-")
                .put("Media", "uploads/" + U + "/" + M2 + "/back", "-")
                .put("Feed", "USER#bob", M1, "momentId", M1, "authorId", U)
                .put("Feed", "USER#" + U, M1, "momentId", M1, "authorId", U)
                .put("Feed", "CAMPUS#uni#2026-12-02#1", M1, "momentId", M1, "authorId", U)
                .put("Interactions", "MOMENT#" + M1, "REACTION#bob", "userId", "bob", "emoji", "x")
                .put("Interactions", "MOMENT#" + M1, "COMMENT#c0", "authorId", "bob", "text", "hi erin")
                // bob's moment with the user's reaction, comment and marker, and bob's own
                .put("Moments", OTHERS, "-", "authorId", "bob", "status", "published", "reactions", "2", "comments", "2")
                .put("Interactions", "MOMENT#" + OTHERS, "REACTION#" + U, "userId", U, "emoji", "y")
                .put("Interactions", "MOMENT#" + OTHERS, "REACTION#carol", "userId", "carol", "emoji", "y")
                .put("Interactions", "MOMENT#" + OTHERS, "COMMENT#c1", "authorId", U, "text", "nice")
                .put("Interactions", "MOMENT#" + OTHERS, "IDEMPOTENCY#" + U + "#k", "authorId", U, "commentId", "c1")
                .put("Interactions", "MOMENT#" + OTHERS, "COMMENT#c2", "authorId", "carol", "text", "ok")
                .put("Feed", "USER#" + U, OTHERS, "momentId", OTHERS, "authorId", "bob")
                .put("Feed", "USER#bob", OTHERS, "momentId", OTHERS, "authorId", "bob")
                // inbox items both ways, push windows, the read marker
                .put("Notifications", "USER#" + U, "N#1", "type", "friend_request", "actorId", "frank")
                .put("Notifications", "USER#" + U, "READ", "upTo", "N#1")
                .put("Notifications", "USER#" + U, "PUSH#" + M1, "held", "1")
                .put("Notifications", "USER#bob", "N#2", "type", "reaction", "actorId", U, "momentId", OTHERS)
                .put("Notifications", "USER#bob", "N#3", "type", "comment", "actorId", "carol", "momentId", OTHERS)
                .put("Exports", U + "/01JEXPORT/export.zip", "-")
                // other users' own things
                .put("Users", "USER#bob", "PROFILE", "userId", "bob", "handle", "bob")
                .put("Users", "HANDLE#bob", "HANDLE", "userId", "bob")
                .put("Users", "USER#bob", "FRIEND#carol", "friendId", "carol")
                .put("Users", "USER#carol", "FRIEND#bob", "friendId", "bob")
                .put("Media", "media/" + OTHERS + "/back.jpg", "-");
        return w;
    }

    @Test
    void leavesNothingOfTheUserAndKeepsEveryoneElses() {
        ErasureWorld w = world();
        Map<String, Map<String, String>> before = w.snapshot();
        w.erasure().erase(ErasureJob.of(U));

        assertEquals(List.of(), w.naming(U, "erin", M1, M2));
        // others' things are intact: every item that named neither the user nor the user's moments
        before.forEach((key, item) -> {
            String text = key + " " + item;
            if (!text.contains(U) && !text.contains(M1) && !text.contains(M2)) {
                assertTrue(w.items.containsKey(key), "kept: " + key);
            }
        });
        // counts on bob's moment: one reaction and one comment of the user gone
        Map<String, String> bobs = w.get("Moments", OTHERS, "-");
        assertEquals("1", bobs.get("reactions"));
        assertEquals("1", bobs.get("comments"));
        assertEquals(List.of("bob", "carol", "dan"), List.copyOf(w.poolUsers));
        assertEquals(List.of(new ErasureJob(U, true, List.of(M2))), w.queued);
        assertEquals(ClosedAccounts.State.ERASED, w.closed.stateOf(U));
    }

    @Test
    void aSecondRunOnAnErasedUserChangesNothing() {
        ErasureWorld w = world();
        w.erasure().erase(ErasureJob.of(U));
        Map<String, Map<String, String>> after = w.snapshot();
        int changes = w.changes;

        AccountErasure.Result again = w.erasure().erase(new ErasureJob(U, true, List.of(M2)));

        assertEquals(after, w.snapshot());
        assertEquals(changes, w.changes, "a run on an erased user changes nothing");
        assertEquals(1, again.total(), "only the (idempotent) pool delete is counted: " + again.deleted());
    }

    @Test
    void aFailureAtAnyChangeIsFinishedByTheNextRun() {
        ErasureWorld reference = world();
        reference.erasure().erase(ErasureJob.of(U));
        Map<String, Map<String, String>> expected = reference.snapshot();
        int total = reference.changes;
        assertTrue(total > 30, "the walk makes " + total + " changes");

        for (int failAt = 1; failAt <= total; failAt++) {
            ErasureWorld w = world();
            w.failAt = failAt;
            AccountErasure erasure = w.erasure();
            assertThrows(IllegalStateException.class, () -> erasure.erase(ErasureJob.of(U)), "fails at " + failAt);
            w.failAt = -1;
            // the message comes back: the walk runs again from the start and finds what is left
            w.erasure().erase(ErasureJob.of(U));
            assertEquals(new TreeMap<>(expected), new TreeMap<>(w.snapshot()), "resumed after a failure at change " + failAt);
            assertFalse(w.poolUsers.contains(U));
        }
    }

    @Test
    void theSweepDeletesWhatAnUploadInFlightWroteForAPendingMoment() {
        ErasureWorld w = world();
        w.erasure().erase(ErasureJob.of(U));
        // the processor had read the pending moment just before the walk deleted it, and wrote its images after
        w.put("Media", "media/" + M2 + "/back.jpg", "-").put("Media", "media/" + M2 + "/back-thumb.jpg", "-");

        w.erasure().erase(w.queued.getFirst());

        assertEquals(List.of(), w.naming(U, M2));
    }
}
