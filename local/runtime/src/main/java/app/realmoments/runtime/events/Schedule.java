package app.realmoments.runtime.events;

import app.realmoments.emulator.template.StackSettings;
import java.time.Instant;

/** A Schedule / ScheduleV2 event of a function, fired by hand through POST /_local/schedules/{function}. */
public record Schedule(String function, String event, String type, String expression, String input) {

    /** What the schedule delivers at {@code time}: its Input if it has one, else EventBridge's Scheduled Event. */
    public String payload(StackSettings settings, Instant time) {
        if (input != null) {
            return input;
        }
        String rule = settings.arn("events", "rule/" + settings.stackName() + "-" + function + event);
        return EventJson.scheduledEvent(rule, settings.accountId(), settings.region(), time).toString();
    }
}
