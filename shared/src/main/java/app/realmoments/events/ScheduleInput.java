package app.realmoments.events;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a schedule hands its function: the Input the template gives it (the prompt scheduler's
 * {@code {"action": "plan"}}), or, without one, EventBridge's "Scheduled Event", which has no action.
 *
 * @param action the event's {@code action}; null when it has none (or is JSON null)
 */
public record ScheduleInput(String action) {

    public static ScheduleInput read(InputStream event) throws IOException {
        var input = new Object() {
            String action;
        };
        EventParser.event(event, (name, value) -> {
            if (name.equals("action")) {
                input.action = EventParser.string(value, "action");
            }
        });
        return new ScheduleInput(input.action);
    }
}
