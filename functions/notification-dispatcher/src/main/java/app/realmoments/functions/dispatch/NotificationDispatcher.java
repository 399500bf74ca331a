package app.realmoments.functions.dispatch;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.config.Environment;
import app.realmoments.json.Json;
import app.realmoments.log.Log;
import app.realmoments.notify.DynamoInbox;
import app.realmoments.notify.NotificationDispatch;
import app.realmoments.notify.NotificationJob;
import app.realmoments.social.DynamoSocialGraph;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The notifications queue: each job becomes an inbox item. Failures are reported one by one, so a
 * poison message is retried alone and ends in the dead-letter queue after the redrive limit.
 */
public final class NotificationDispatcher implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final NotificationDispatch dispatch;

    public NotificationDispatcher() {
        this(create(AwsClients.fromEnvironment()));
    }

    public NotificationDispatcher(NotificationDispatch dispatch) {
        this.dispatch = dispatch;
    }

    private static NotificationDispatch create(AwsClients aws) {
        DynamoDbClient dynamo = DynamoClients.create(aws);
        return new NotificationDispatch(new DynamoInbox(dynamo, Environment.require("NOTIFICATIONS_TABLE")),
                new DynamoSocialGraph(dynamo, Environment.require("USERS_TABLE")));
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Map<String, Object> log = new LinkedHashMap<>();
            log.put("requestId", context == null ? null : context.getAwsRequestId());
            log.put("function", context == null ? null : context.getFunctionName());
            log.put("messageId", message.getMessageId());
            try {
                NotificationJob job = Json.read(message.getBody(), NotificationJob.class);
                log.put("notificationId", job.notificationId());
                log.put("type", job.type() == null ? null : job.type().wire());
                log.put("userId", job.recipientId());
                log.put("momentId", job.momentId());
                log.put("outcome", dispatch.dispatch(job).name().toLowerCase(java.util.Locale.ROOT));
                Log.info("notification job handled", log);
            } catch (RuntimeException e) {
                Log.error("notification job failed", log, e);
                failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
