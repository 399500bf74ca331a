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
            "CAMPUS_TIME_ZONES", "north=America/Los_Angeles",
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

    @Test
    void eachPartIsBuiltOnceAndKept() {
        Wiring wiring = new Wiring(STAGE::get);

        assertSame(wiring.cursors(), wiring.cursors());
        assertSame(wiring.campusTimeZones(), wiring.campusTimeZones());
        assertSame(wiring.ids(), wiring.ids());
    }

    @Test
    void theStageSettingsAreReadAsTheTemplateWritesThem() {
        Wiring wiring = new Wiring(STAGE::get);

        assertEquals(ZoneId.of("America/Los_Angeles"), wiring.campusTimeZones().zoneOf("north"));
        assertEquals(ZoneId.of("America/New_York"), wiring.campusTimeZones().zoneOf("south"));
        assertEquals(LocalTime.of(9, 0), wiring.promptWindow().start());
        assertTrue(wiring.postToSee());
        assertFalse(new Wiring(Map.<String, String>of()::get).postToSee(), "post to see is off unless set");
    }

    @Test
    void withoutPlatformApplicationsPushIsInboxOnlyAndNoClientIsBuilt() {
        // no AWS_REGION here: building an SNS client would fail, so NONE proves nothing was built
        assertSame(PushGateway.NONE, new Wiring(STAGE::get).push());
    }
}
