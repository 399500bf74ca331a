package app.realmoments.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.notify.PushGateway;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function is built from its environment once, part by part, and a missing variable names itself. */
class WiringTest {

    private static final Map<String, String> STAGE = Map.of(
            "CURSOR_SIGNING_KEY", "0123456789abcdef0123456789abcdef",
            "DEFAULT_CAMPUS_TIME_ZONE", "America/New_York",
            "PROMPT_WINDOW_START", "09:00",
            "PROMPT_WINDOW_END", "21:00",
            "POST_TO_SEE", " TRUE ");

    @Test
    void aMissingVariableFailsNamingIt() {
        Wiring wiring = new Wiring(Map.<String, String>of()::get);

        IllegalStateException missing = assertThrows(IllegalStateException.class, wiring::cursors);
        assertEquals("missing environment variable CURSOR_SIGNING_KEY", missing.getMessage());
        assertEquals("missing environment variable USERS_TABLE",
                assertThrows(IllegalStateException.class, wiring::profiles).getMessage());
    }

    /** The stage plus what a client needs to be built (none is called). */
    private static final Map<String, String> WITH_AWS = with(STAGE, Map.of("USERS_TABLE", "users",
            "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"));

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new java.util.HashMap<>(a);
        all.putAll(b);
        return all;
    }

    @Test
    void eachPartIsBuiltOnceAndKept() {
        Wiring wiring = new Wiring(WITH_AWS::get);

        assertSame(wiring.cursors(), wiring.cursors());
        assertSame(wiring.campusTimeZones(), wiring.campusTimeZones());
        assertSame(wiring.campusRegistry(), wiring.campusRegistry());
        assertSame(wiring.membership(), wiring.membership());
        assertSame(wiring.verificationCodes(), wiring.verificationCodes());
        assertSame(wiring.ids(), wiring.ids());
    }

    @Test
    void theStageSettingsAreReadAsTheTemplateWritesThem() {
        Wiring wiring = new Wiring(WITH_AWS::get);

        assertEquals(ZoneId.of("America/New_York"), wiring.campusTimeZones().zoneOf(null), "no campus: the default zone");
        assertEquals("missing environment variable VERIFICATION_EMAIL_FROM",
                assertThrows(IllegalStateException.class, wiring::mailer).getMessage());
        assertThrows(IllegalStateException.class,
                () -> new Wiring(with(WITH_AWS, Map.of("DEFAULT_CAMPUS_TIME_ZONE", "Mars/Olympus"))::get).campusTimeZones());
        assertEquals(LocalTime.of(9, 0), wiring.promptWindow().start());
        assertTrue(wiring.postToSee());
        assertFalse(new Wiring(Map.<String, String>of()::get).postToSee(), "post to see is off unless set");
    }

    @Test
    void withoutPlatformApplicationsPushIsInboxOnlyAndNoClientIsBuilt() {
        // no AWS_REGION here: building an SNS client would fail, so NONE proves nothing was built
        assertSame(PushGateway.NONE, new Wiring(STAGE::get).push());
    }

    @Test
    void screeningIsCheckedAtStartUpAndTheLocalStandInNeedsNoAws() {
        // no AWS_REGION: the stand-in builds no client
        var local = new Wiring(Map.of("CONTENT_CLASSIFIER", "local")::get);
        assertSame(local.screening(), local.screening());
        assertTrue(local.screening().text("badword-test").isPresent(), "the default word list unless TEXT_FILTER_LIST says");
        assertEquals(6, local.textFilter().size());

        for (String bad : new String[] {"-5", "101", "high"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Wiring(
                    Map.of("CONTENT_CLASSIFIER", "local", "MODERATION_CONFIDENCE_THRESHOLD", bad)::get).screening());
            assertTrue(e.getMessage().startsWith("MODERATION_CONFIDENCE_THRESHOLD"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalStateException.class, () -> new Wiring(Map.of("CONTENT_CLASSIFIER", "magic")::get)
                .screening()).getMessage().startsWith("CONTENT_CLASSIFIER"));
        assertTrue(assertThrows(IllegalStateException.class, () -> new Wiring(Map.of("TEXT_FILTER_LIST", "nope")::get)
                .textFilter()).getMessage().startsWith("TEXT_FILTER_LIST"));
        // Rekognition unless told otherwise: its client needs the AWS settings (built, never called here)
        assertThrows(IllegalStateException.class, () -> new Wiring(STAGE::get).screening());
        new Wiring(WITH_AWS::get).screening();
    }
}
