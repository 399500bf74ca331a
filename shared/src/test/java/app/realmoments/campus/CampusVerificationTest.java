package app.realmoments.campus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.profile.Profile;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryMembershipStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryQuotaCounter;
import app.realmoments.testing.RecordingMailer;
import app.realmoments.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampusVerificationTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final String KEY = "test-code-key-0123456789abcdef0123456789";

    private final SettableClock clock = new SettableClock(NOW);
    private final InMemoryCampusRegistry registry = new InMemoryCampusRegistry();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryMembershipStore membership = new InMemoryMembershipStore(profiles);
    private final RecordingMailer mailer = new RecordingMailer();
    private final InMemoryQuotaCounter counter = new InMemoryQuotaCounter();
    private final CampusVerification verification = new CampusVerification(registry, membership, profiles, mailer,
            new VerificationCodes(KEY), Quotas.configured(counter, Map.<String, String>of()::get, clock), new Ids(), clock);

    @BeforeEach
    void campusesAndStudents() {
        registry.put(new Campus("north", "North University", ZoneId.of("America/New_York"),
                List.of("north.example.edu", "alumni.north.example.edu"), NOW));
        registry.put(new Campus("south", "South College", ZoneId.of("America/Chicago"), List.of("south.example.edu"), NOW));
        for (String user : List.of("ana", "ben")) {
            profiles.save(new Profile(user, user, user, null, NOW, NOW, null), null);
        }
    }

    private CampusVerification.Started start(String user, String campus, String email) {
        return verification.start(user, new CampusVerification.Request(campus, email));
    }

    private Profile confirm(String user, String code) {
        return verification.confirm(user, new CampusVerification.Confirmation(code));
    }

    private static Problem refused(Runnable call) {
        return assertThrows(Problem.class, call::run);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "000001" : "000000";
    }

    @Test
    void aStudentWithASchoolAddressBecomesAVerifiedMemberWithTheMailedCode() {
        CampusVerification.Started started = start("ana", "north", "  Ana.Lee@North.Example.EDU ");
        assertEquals(NOW.plus(Duration.ofMinutes(10)).toString(), started.expiresAt());
        assertEquals(1, mailer.sent.size());
        assertEquals("ana.lee@north.example.edu", mailer.sent.getFirst().to(), "one address however it is typed");
        assertTrue(mailer.sent.getFirst().subject().contains("North University"));
        String code = mailer.lastCode();
        assertFalse(membership.verification("ana").orElseThrow().codeHash().contains(code), "only its hash is kept");

        Profile ana = confirm("ana", code);
        assertEquals("north", ana.campusId());
        assertEquals(NOW, ana.campusVerifiedAt());
        assertEquals("north", profiles.find("ana").orElseThrow().campusId());
        assertEquals(ana, confirm("ana", code), "a retried confirmation answers the same profile");
    }

    @Test
    void badInputIsA400NamingTheFieldAndSendsNothing() {
        assertEquals("campusId", refused(() -> start("ana", null, "ana@north.example.edu")).field());
        Problem unknown = refused(() -> start("ana", "atlantis", "ana@north.example.edu"));
        assertEquals("unknown_campus", unknown.code());
        assertEquals("unknown_campus", refused(() -> start("ana", "Not A Slug!", "ana@north.example.edu")).code());
        for (String email : new String[] {null, "", "ana", "ana@", "@north.example.edu", "a b@north.example.edu",
                "ana@north", "ana@@north.example.edu", "ana@north..example.edu", "ana@-north.example.edu",
                "ana\u202E@north.example.edu", "x".repeat(65) + "@north.example.edu"}) {
            Problem problem = refused(() -> start("ana", "north", email));
            assertEquals(400, problem.kind().status, String.valueOf(email));
            assertEquals("email", problem.field(), String.valueOf(email));
        }
        Problem foreign = refused(() -> start("ana", "north", "ana@south.example.edu"));
        assertEquals("email_not_of_campus", foreign.code());
        assertEquals("email_not_of_campus", refused(() -> start("ana", "north", "ana@evil-north.example.edu")).code(),
                "a look-alike domain");
        assertEquals("email_not_of_campus", refused(() -> start("ana", "north", "ana@cs.north.example.edu")).code(),
                "only the domains listed");
        assertEquals(0, mailer.sent.size(), "no email for bad input");
        assertTrue(membership.verification("ana").isEmpty(), "nothing half-written");
        assertEquals(Map.of(), counter.used, "no quota spent");
    }

    @Test
    void aCodeExpiresAfterTenMinutes() {
        start("ana", "north", "ana@north.example.edu");
        clock.set(NOW.plus(Duration.ofMinutes(10)));
        assertEquals("code_expired", refused(() -> confirm("ana", mailer.lastCode())).code());
        assertNull(profiles.find("ana").orElseThrow().campusId());
    }

    @Test
    void fiveWrongCodesEndTheVerificationAndTheRightOneNoLongerWorks() {
        start("ana", "north", "ana@north.example.edu");
        String code = mailer.lastCode();
        for (int i = 1; i <= 4; i++) {
            Problem problem = refused(() -> confirm("ana", wrong(code)));
            assertEquals("wrong_code", problem.code());
            assertTrue(problem.getMessage().contains((5 - i) + (5 - i == 1 ? " try" : " tries") + " left"), problem.getMessage());
        }
        assertEquals("verification_ended", refused(() -> confirm("ana", wrong(code))).code());
        assertEquals("no_verification", refused(() -> confirm("ana", code)).code());
        assertNull(profiles.find("ana").orElseThrow().campusId());
    }

    @Test
    void malformedCodesAreRefusedWithoutCountingAsTries() {
        start("ana", "north", "ana@north.example.edu");
        for (String code : new String[] {null, "", "12345", "1234567", "abcdef", "12 345", "１２３４５６"}) {
            assertEquals("code", refused(() -> confirm("ana", code)).field(), String.valueOf(code));
        }
        assertEquals(0, membership.verification("ana").orElseThrow().wrongTries());
        assertEquals("north", confirm("ana", mailer.lastCode()).campusId());
    }

    @Test
    void aNewVerificationReplacesTheOldOneWhoseCodeStopsWorking() {
        start("ana", "north", "ana@north.example.edu");
        String first = mailer.lastCode();
        start("ana", "north", "ana@alumni.north.example.edu");
        String second = mailer.lastCode();
        if (!first.equals(second)) {
            assertEquals("wrong_code", refused(() -> confirm("ana", first)).code(), "the code of another verification");
        }
        assertEquals("north", confirm("ana", second).campusId());
    }

    @Test
    void aConfirmationWithoutAVerificationIsA400() {
        assertEquals("no_verification", refused(() -> confirm("ben", "123456")).code());
    }

    @Test
    void oneSchoolAddressVerifiesOneAccountAtATime() {
        start("ana", "north", "shared@north.example.edu");
        confirm("ana", mailer.lastCode());
        Problem taken = refused(() -> start("ben", "north", "SHARED@north.example.edu"));
        assertEquals(409, taken.kind().status);
        assertEquals("email_taken", taken.code());
        assertEquals(1, mailer.sent.size(), "no code mailed for an address another account holds");

        verification.leave("ana");
        assertNull(profiles.find("ana").orElseThrow().campusId());
        start("ben", "north", "shared@north.example.edu");
        assertEquals("north", confirm("ben", mailer.lastCode()).campusId(), "released when ana left");
    }

    @Test
    void twoAccountsRacingForOneAddressCannotBothWin() {
        start("ana", "north", "race@north.example.edu");
        String anas = mailer.lastCode();
        start("ben", "north", "race@north.example.edu");
        String bens = mailer.lastCode();
        confirm("ana", anas);
        assertEquals("email_taken", refused(() -> confirm("ben", bens)).code());
        assertNull(profiles.find("ben").orElseThrow().campusId());
    }

    @Test
    void switchingCampusNeedsANewVerificationAndReleasesTheOldAddress() {
        start("ana", "north", "ana@north.example.edu");
        confirm("ana", mailer.lastCode());
        start("ana", "south", "ana@south.example.edu");
        assertEquals("north", profiles.find("ana").orElseThrow().campusId(), "still north until confirmed");
        assertEquals("south", confirm("ana", mailer.lastCode()).campusId());
        start("ben", "north", "ana@north.example.edu");
        assertEquals("north", confirm("ben", mailer.lastCode()).campusId(), "ana's old address is free again");
    }

    @Test
    void leavingWithoutACampusChangesNothing() {
        verification.leave("ben");
        assertNull(profiles.find("ben").orElseThrow().campusId());
    }

    @Test
    void aProfileComesFirst() {
        assertEquals(404, refused(() -> start("nobody", "north", "nobody@north.example.edu")).kind().status);
        assertEquals(0, mailer.sent.size());
    }

    @Test
    void verificationEmailsAreLimitedPerCaller() {
        for (int i = 0; i < 5; i++) {
            start("ana", "north", "ana@north.example.edu");
        }
        Problem throttled = refused(() -> start("ana", "north", "ana@north.example.edu"));
        assertEquals(429, throttled.kind().status);
        assertTrue(throttled.retryAfterSeconds() > 0);
        assertEquals(5, mailer.sent.size());
        assertEquals("north", confirm("ana", mailer.lastCode()).campusId(), "the last code still works");
    }

    @Test
    void anAddressTheMailServiceRefusesLeavesNoVerificationWaiting() {
        mailer.refusing(to -> to.startsWith("bounce"));
        Problem refused = refused(() -> start("ana", "north", "bounce@north.example.edu"));
        assertEquals("email_refused", refused.code());
        assertTrue(membership.verification("ana").isEmpty());
    }
}
