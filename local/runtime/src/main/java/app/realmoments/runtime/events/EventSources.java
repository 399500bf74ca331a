package app.realmoments.runtime.events;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.provision.Physical;
import app.realmoments.emulator.provision.StackResources;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.runtime.lambda.FunctionSpec;
import app.realmoments.runtime.lambda.LocalFunction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The event sources of the template's functions, delivered the way Lambda would: a pump for each
 * DynamoDB stream and SQS queue (its event source mapping), one for each function's S3 notifications
 * (through an internal queue the buckets notify), and the Schedule events, which locally fire only
 * when asked to. HttpApi events are the gateway's.
 */
public final class EventSources implements AutoCloseable {

    private final Aws aws;
    private final StackSettings settings;
    private final StackResources resources;
    private final List<Pump> pumps = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();

    public EventSources(Aws aws, StackSettings settings, StackResources resources) {
        this.aws = aws;
        this.settings = settings;
        this.resources = resources;
    }

    /**
     * Makes a pump for every enabled event source of the functions, points the buckets at their S3 pumps'
     * queues and starts the pumps; {@code apiUrl} is where the log line says schedules are fired.
     */
    public void start(Collection<LocalFunction> functions, String apiUrl) {
        Map<String, List<QueueConfiguration>> notifications = new LinkedHashMap<>();
        for (LocalFunction function : functions) {
            FunctionSpec spec = function.spec();
            for (FunctionSpec.EventSource event : spec.events().values()) {
                Map<String, Object> p = event.properties();
                if ("false".equalsIgnoreCase(String.valueOf(p.get("Enabled")))) {
                    continue;
                }
                switch (event.type()) {
                    case "S3" -> s3Source(function, event, notifications);
                    case "DynamoDB" -> pumps.add(new StreamPump(aws, function, text(p, "Stream"),
                            text(p, "StartingPosition") == null ? "TRIM_HORIZON" : text(p, "StartingPosition"),
                            integer(p, "BatchSize", 100), integer(p, "MaximumRetryAttempts", -1),
                            responseTypes(p).contains("ReportBatchItemFailures"),
                            Boolean.parseBoolean(text(p, "BisectBatchOnFunctionError")),
                            onFailureQueue(spec.logicalId(), FunctionSpec.onFailure(p.get("DestinationConfig"))),
                            EventFilter.of(p.get("FilterCriteria"))));
                    case "SQS" -> {
                        String arn = text(p, "Queue");
                        pumps.add(new SqsPump(aws, function, queueUrl(arn), arn, integer(p, "BatchSize", 10),
                                responseTypes(p).contains("ReportBatchItemFailures")));
                    }
                    case "Schedule", "ScheduleV2" -> schedules.add(new Schedule(spec.logicalId(), event.name(),
                            event.type(), text(p, "Schedule") != null ? text(p, "Schedule") : text(p, "ScheduleExpression"),
                            text(p, "Input")));
                    case "HttpApi" -> {
                        // served by the gateway
                    }
                    default -> RuntimeLog.warn(spec.logicalId() + "." + event.name() + ": event type " + event.type()
                            + " is not emulated");
                }
            }
        }
        notifications.forEach((bucket, configurations) -> aws.s3().putBucketNotificationConfiguration(b -> b
                .bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(configurations))));
        pumps.forEach(Pump::start);
        if (!schedules.isEmpty()) {
            RuntimeLog.info("schedules do not fire by themselves locally; fire one with: curl -X POST "
                    + (apiUrl == null ? "" : apiUrl) + "/_local/schedules/<Function>[/<Event>] ("
                    + schedules.stream().map(s -> s.function() + "/" + s.event() + " " + s.expression()).toList() + ")");
        }
    }

    /** The functions' Schedule events (none before {@link #start}). */
    public List<Schedule> schedules() {
        return Collections.unmodifiableList(schedules);
    }

    public List<Pump> pumps() {
        return Collections.unmodifiableList(pumps);
    }

    private void s3Source(LocalFunction function, FunctionSpec.EventSource event,
                          Map<String, List<QueueConfiguration>> notifications) {
        Map<String, Object> p = event.properties();
        String bucket = text(p, "Bucket");
        String queueName = "local-s3-events-" + function.spec().logicalId();
        int visibility = Math.max(60, function.spec().timeoutSeconds() * 3 + 10);
        String queueUrl = aws.sqs().createQueue(b -> b.queueName(queueName)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibility)))).queueUrl();
        String queueArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        List<String> events = p.get("Events") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(p.get("Events")));
        List<FilterRule> rules = new ArrayList<>();
        if (p.get("Filter") instanceof Map<?, ?> filter && filter.get("S3Key") instanceof Map<?, ?> key
                && key.get("Rules") instanceof List<?> list) {
            for (Object rule : list) {
                if (rule instanceof Map<?, ?> r) {
                    rules.add(FilterRule.builder().name(String.valueOf(r.get("Name")))
                            .value(String.valueOf(r.get("Value"))).build());
                }
            }
        }
        QueueConfiguration.Builder configuration = QueueConfiguration.builder()
                .id(function.spec().logicalId() + "-" + event.name())
                .queueArn(queueArn).eventsWithStrings(events);
        if (!rules.isEmpty()) {
            configuration.filter(f -> f.key(k -> k.filterRules(rules)));
        }
        notifications.computeIfAbsent(bucket, b -> new ArrayList<>()).add(configuration.build());
        if (!pumps.stream().anyMatch(pump -> pump.name().equals(function.spec().logicalId() + "<-s3"))) {
            pumps.add(new S3Pump(aws, function, queueUrl, settings.accountId(),
                    onFailureQueue(function.spec().logicalId(), function.spec().async().onFailure())));
        }
    }

    /** The queue URL of an OnFailure destination ARN; null without one, or (said now) for a type not emulated. */
    private String onFailureQueue(String function, String destination) {
        if (destination == null) {
            return null;
        }
        if (!destination.startsWith("arn:") || !destination.split(":", 6)[2].equals("sqs")) {
            RuntimeLog.warn(function + ": only SQS OnFailure destinations are emulated, not " + destination
                    + "; events it gives up on are dropped");
            return null;
        }
        return queueUrl(destination);
    }

    private String queueUrl(String arn) {
        for (Physical physical : resources.all().values()) {
            if (physical.type().equals("AWS::SQS::Queue") && arn.equals(physical.attributes().get("Arn"))) {
                return physical.ref();
            }
        }
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        return aws.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /** Stops every pump. */
    @Override
    public void close() {
        for (Pump pump : pumps) {
            pump.close();
        }
    }

    private static String text(Map<String, Object> p, String key) {
        Object value = p.get(key);
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    private static int integer(Map<String, Object> p, String key, int fallback) {
        String value = text(p, key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    private static List<String> responseTypes(Map<String, Object> p) {
        return p.get("FunctionResponseTypes") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
