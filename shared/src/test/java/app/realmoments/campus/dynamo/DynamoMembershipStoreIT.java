package app.realmoments.campus.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.Attrs;
import app.realmoments.campus.MembershipStore.Joined;
import app.realmoments.campus.SchoolEmail;
import app.realmoments.campus.Verification;
import app.realmoments.id.Ids;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.prompt.dynamo.DynamoPromptStore;
import app.realmoments.testing.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Joining and leaving against the emulator: profile, claim, member list and code change together. */
class DynamoMembershipStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final DynamoMembershipStore store = new DynamoMembershipStore(aws.dynamo(), users);
    private final DynamoProfileStore profiles = new DynamoProfileStore(aws.dynamo(), users);
    private final DynamoPromptStore prompts = new DynamoPromptStore(aws.dynamo(), users);
    private final String run = new Ids().next(NOW).toLowerCase();

    private String student(String name) {
        String id = name + "-" + run;
        profiles.update(null, new Profile(id, name + "_" + run, name, null, NOW, NOW, null));
        return id;
    }

    private Verification verification(String userId, String campus, String email) {
        Verification v = new Verification(new Ids().next(NOW), userId, campus, SchoolEmail.parse(email), "hash-" + run,
                NOW, NOW.plus(Duration.ofMinutes(10)), 0, null);
        store.start(v);
        return v;
    }

    private List<String> members(String campus) {
        List<String> all = new ArrayList<>();
        prompts.forEachMemberPage(campus, all::addAll);
        return all;
    }

    @Test
    void joiningSpendsTheCodeClaimsTheAddressAndMovesTheMemberItemWithTheProfile() {
        String north = "north-" + run;
        String south = "south-" + run;
        String ana = student("ana");
        Verification first = verification(ana, north, "ana-" + run + "@north.example.edu");
        assertEquals(first, store.verification(ana).orElseThrow());
        assertEquals(Joined.JOINED, store.join(first, NOW));
        assertEquals(north, profiles.find(ana).orElseThrow().campusId());
        assertEquals(NOW, profiles.find(ana).orElseThrow().campusVerifiedAt());
        assertEquals(List.of(ana), members(north));
        assertEquals(ana, store.claimant(first.email()).orElseThrow());
        assertEquals(NOW, store.verification(ana).orElseThrow().usedAt());
        assertEquals(Joined.JOINED, store.join(first, NOW.plusSeconds(1)), "a used code of the campus one is in: joined");

        Verification second = verification(ana, south, "ana-" + run + "@south.example.edu");
        assertEquals(Joined.JOINED, store.join(second, NOW.plusSeconds(60)));
        assertEquals(List.of(), members(north), "the old member item went in the same step");
        assertEquals(List.of(ana), members(south));
        assertTrue(store.claimant(first.email()).isEmpty(), "the old address is released");

        // a PUT /me after joining keeps the campus: the profile store never writes it
        Profile now = profiles.find(ana).orElseThrow();
        profiles.update(now, new Profile(ana, now.handle(), "Ana Renamed", null, now.createdAt(), NOW.plusSeconds(90), null));
        assertEquals(south, profiles.find(ana).orElseThrow().campusId());
        assertEquals("Ana Renamed", profiles.find(ana).orElseThrow().displayName());

        assertTrue(store.leave(ana, NOW.plusSeconds(120)));
        assertNull(profiles.find(ana).orElseThrow().campusId());
        assertEquals(List.of(), members(south));
        assertTrue(store.claimant(second.email()).isEmpty());
        assertFalse(store.leave(ana, NOW.plusSeconds(130)), "nothing to leave");
    }

    @Test
    void aRetriedJoinWhoseAnswerWasLostIsJoinedAndAUsedCodeIsSpent() {
        String campus = "c-" + run;
        String ben = student("ben");
        Verification v = verification(ben, campus, "ben-" + run + "@c.example.edu");
        assertEquals(Joined.JOINED, store.join(v, NOW));
        assertEquals(Joined.JOINED, store.join(v, NOW), "its own earlier try: the profile already says so");

        String cai = student("cai");
        Verification caisOld = verification(cai, campus, "cai-" + run + "@c.example.edu");
        Verification caisNew = verification(cai, campus, "cai2-" + run + "@c.example.edu");
        assertEquals(Joined.SPENT, store.join(caisOld, NOW), "replaced by a newer verification");
        assertEquals(Joined.JOINED, store.join(caisNew, NOW));
    }

    @Test
    void oneAddressOneAccountEvenWhenTwoRace() throws Exception {
        String campus = "race-" + run;
        String email = "shared-" + run + "@race.example.edu";
        List<String> users = new ArrayList<>();
        List<Verification> verifications = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = student("r" + i);
            users.add(user);
            verifications.add(verification(user, campus, email));
        }
        List<Joined> outcomes = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Joined>> joins = new ArrayList<>();
            for (Verification v : verifications) {
                joins.add(pool.submit(() -> store.join(v, NOW)));
            }
            for (Future<Joined> join : joins) {
                outcomes.add(join.get());
            }
        }
        assertEquals(1, outcomes.stream().filter(o -> o == Joined.JOINED).count(), outcomes.toString());
        assertEquals(3, outcomes.stream().filter(o -> o == Joined.EMAIL_TAKEN).count(), outcomes.toString());
        assertEquals(1, members(campus).size());
        String winner = store.claimant(SchoolEmail.parse(email)).orElseThrow();
        for (String user : users) {
            assertEquals(user.equals(winner) ? campus : null, profiles.find(user).orElseThrow().campusId());
        }
    }

    @Test
    void wrongTriesAreCountedOnceEachAndEndingLeavesANewerVerificationAlone() {
        String dee = student("dee");
        Verification v = verification(dee, "d-" + run, "dee-" + run + "@d.example.edu");
        assertTrue(store.countWrongTry(v));
        assertFalse(store.countWrongTry(v), "decided on a stale count: counted by the other try");
        Verification counted = store.verification(dee).orElseThrow();
        assertEquals(1, counted.wrongTries());
        Verification newer = verification(dee, "d-" + run, "dee-" + run + "@d.example.edu");
        store.end(counted);
        assertEquals(newer.verificationId(), store.verification(dee).orElseThrow().verificationId());
        store.end(newer);
        assertTrue(store.verification(dee).isEmpty());
        assertEquals(Joined.NO_PROFILE, store.join(verification("nobody-" + run, "d-" + run, "n@d.example.edu"), NOW));
    }

    @Test
    void aCampusTypedIntoTheOldPutMeIsNoMembershipAndJoiningClearsItsMemberItem() {
        String legacy = "legacy-" + run;
        String eve = student("eve");
        aws.dynamo().updateItem(r -> r.tableName(users).key(Attrs.key("USER#" + eve, "PROFILE"))
                .updateExpression("SET campusId = :c").expressionAttributeValues(Map.of(":c", Attrs.s(legacy))));
        aws.dynamo().putItem(r -> r.tableName(users).item(Map.of("pk", Attrs.s("CAMPUS#" + legacy),
                "sk", Attrs.s("MEMBER#" + eve), "userId", Attrs.s(eve))));
        assertNull(profiles.find(eve).orElseThrow().campusId(), "unverified: no campus");

        String real = "real-" + run;
        assertEquals(Joined.JOINED, store.join(verification(eve, real, "eve-" + run + "@real.example.edu"), NOW));
        assertEquals(List.of(), members(legacy));
        assertEquals(List.of(eve), members(real));
    }

    @Test
    void anAdminsGrantMakesAMemberWithoutAnAddress() {
        String fay = student("fay");
        Verification v = verification(fay, "g-" + run, "fay-" + run + "@g.example.edu");
        store.join(v, NOW);
        store.grant(fay, "h-" + run, NOW.plusSeconds(5));
        assertEquals("h-" + run, profiles.find(fay).orElseThrow().campusId());
        assertTrue(store.claimant(v.email()).isEmpty(), "her address is free");
        assertEquals(List.of(fay), members("h-" + run));
        assertEquals(List.of(), members("g-" + run));
    }
}
