package app.realmoments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.testing.Events;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScheduleInputTest {

    private static String action(String json) throws IOException {
        return ScheduleInput.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))).action();
    }

    @Test
    void theTemplatesInputsHaveAnActionAndEventBridgesScheduledEventHasNone() throws IOException {
        assertEquals("fire", action(Events.read("prompt-fire-input.json")));
        assertEquals("plan", action("{\"action\": \"plan\"}"));
        assertEquals(null, action(Events.read("prompt-scheduled-event.json")));
        assertEquals(null, action("{\"action\": null, \"detail\": {\"action\": \"fire\"}}"), "only the top level counts");
        assertEquals(null, action("null"), "what a Map handler got as null");
    }

    @Test
    void anythingElseFailsLoudly() {
        assertEquals("action: expected a string, found a number",
                assertThrows(MalformedEventException.class, () -> action("{\"action\": 1}")).getMessage());
        assertEquals("the event: expected an object, found an array",
                assertThrows(MalformedEventException.class, () -> action("[\"fire\"]")).getMessage());
        assertEquals("the event is empty", assertThrows(MalformedEventException.class, () -> action("")).getMessage());
    }
}
