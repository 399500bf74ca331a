package app.realmoments.functions.prompt;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.SqsClients;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.config.Environment;
import app.realmoments.log.InvocationLog;
import app.realmoments.log.Metrics;
import app.realmoments.notify.SqsNotificationQueue;
import app.realmoments.prompt.DynamoPromptStore;
import app.realmoments.prompt.PromptScheduling;
import app.realmoments.prompt.PromptWindow;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The daily prompt's schedules. The daily one delivers {@code {"action": "plan"}} (each campus gets its
 * random prompt time), the every-minute one {@code {"action": "fire"}} (due prompts reach every member).
 * A plain EventBridge "Scheduled Event" without an action does both, which is safe: both are idempotent.
 */
public final class PromptScheduler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final PromptScheduling scheduling;

    public PromptScheduler() {
        this(create(AwsClients.fromEnvironment()));
    }

    public PromptScheduler(PromptScheduling scheduling) {
        this.scheduling = scheduling;
    }

    private static PromptScheduling create(AwsClients aws) {
        return new PromptScheduling(
                new DynamoPromptStore(DynamoClients.create(aws), Environment.require("USERS_TABLE")),
                new SqsNotificationQueue(SqsClients.create(aws), Environment.require("NOTIFICATIONS_QUEUE_URL")),
                CampusTimeZones.parse(Environment.optional("CAMPUS_TIME_ZONES", ""), Environment.require("DEFAULT_CAMPUS_TIME_ZONE")),
                PromptWindow.parse(Environment.require("PROMPT_WINDOW_START"), Environment.require("PROMPT_WINDOW_END")),
                new SecureRandom(), Clock.systemUTC());
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        InvocationLog log = InvocationLog.start(context);
        Metrics.forInvocation(context).emit(); // ColdStart only
        Object action = event == null ? null : event.get("action");
        Map<String, Object> result = new LinkedHashMap<>();
        if (action == null || "plan".equals(action)) {
            result.put("planned", scheduling.plan());
        }
        if (action == null || "fire".equals(action)) {
            result.put("notified", scheduling.fire());
        }
        if (result.isEmpty()) {
            throw new IllegalArgumentException("unknown action: " + action);
        }
        result.forEach(log::put);
        log.info("prompt schedule ran");
        return result;
    }
}
