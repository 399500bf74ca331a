package app.realmoments.functions.promptscheduler;

import app.realmoments.events.InvocationLog;
import app.realmoments.events.ScheduleInput;
import app.realmoments.json.Json;
import app.realmoments.prompt.PromptPlanner;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily prompt's schedules. The daily one delivers {@code {"action": "plan"}} (each campus gets its
 * random prompt time), the every-minute one {@code {"action": "fire"}} (due prompts reach every member).
 * A plain EventBridge "Scheduled Event" without an action does both, which is safe: both are idempotent.
 * It answers what it did: {@code {"planned": 2, "notified": 40}}.
 *
 * <p>A stream handler (docs/cold-start.md): it reads the action from the event's bytes itself
 * ({@link ScheduleInput}), so Lambda never loads its serializer to read the event into a Map.
 */
public final class PromptScheduler implements RequestStreamHandler {

    private final PromptPlanner planner;

    public PromptScheduler() {
        this(Wiring.fromEnvironment());
    }

    private PromptScheduler(Wiring wiring) {
        this(new PromptPlanner(wiring.prompts(), wiring.notificationQueue(), wiring.campusRegistry(),
                wiring.promptWindow(), new SecureRandom(), wiring.clock()));
    }

    public PromptScheduler(PromptPlanner planner) {
        this.planner = planner;
    }

    /** What Lambda calls: the schedule's input in, what was planned and notified out. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Map<String, Object> result = run(ScheduleInput.read(input).action(), context);
        output.write(Json.write(result).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> run(String action, Context context) {
        InvocationLog log = InvocationLog.start(context);
        InvocationLog.metrics(context).emit(); // ColdStart only
        Map<String, Object> result = new LinkedHashMap<>();
        if (action == null || "plan".equals(action)) {
            result.put("planned", planner.plan());
        }
        if (action == null || "fire".equals(action)) {
            result.put("notified", planner.fire());
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("unknown action: " + action);
        }
        result.forEach(log::put);
        log.info("prompt schedule ran");
        return result;
    }
}
