package app.realmoments.functions.upload;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.aws.SqsClients;
import app.realmoments.config.Environment;
import app.realmoments.log.InvocationLog;
import app.realmoments.log.Metrics;
import app.realmoments.moment.DynamoMomentStore;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.S3MediaStore;
import app.realmoments.moment.UploadProcessing;
import app.realmoments.notify.SqsNotificationQueue;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * S3 {@code ObjectCreated} on {@code uploads/}: hands each uploaded file to {@link UploadProcessing}.
 * A record that fails makes the invocation fail after the others ran, so Lambda retries it; every
 * step is idempotent, so the retry only finishes what is left. Metrics: MomentsPublished,
 * MomentsRejected, UploadFailures and ColdStart, one embedded-metric line per invocation.
 */
public final class UploadProcessor implements RequestHandler<S3Event, Void> {

    private final UploadProcessing processing;

    public UploadProcessor() {
        this(create(AwsClients.fromEnvironment()));
    }

    public UploadProcessor(UploadProcessing processing) {
        this.processing = processing;
    }

    private static UploadProcessing create(AwsClients aws) {
        return new UploadProcessing(
                new DynamoMomentStore(DynamoClients.create(aws), Environment.require("MOMENTS_TABLE")),
                S3MediaStore.objects(S3Clients.client(aws), Environment.require("MEDIA_BUCKET")),
                new SanitizingPipeline(),
                new SqsNotificationQueue(SqsClients.create(aws), Environment.require("NOTIFICATIONS_QUEUE_URL")),
                Clock.systemUTC());
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        RuntimeException failure = null;
        Metrics metrics = Metrics.forInvocation(context)
                .count("MomentsPublished", 0).count("MomentsRejected", 0);
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            // S3 sends keys URL-encoded (a space as '+')
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            InvocationLog log = InvocationLog.start(context).put("key", key);
            // Known from the key, so a failed upload's line names its moment and author too.
            MediaKeys.parseUpload(key).ifPresent(upload -> {
                log.put("userId", upload.userId());
                log.put("momentId", upload.momentId());
            });
            try {
                UploadProcessing.Result result = processing.uploaded(key);
                if (result.momentId() != null) {
                    log.put("momentId", result.momentId());
                }
                log.put("outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT));
                log.put("detail", result.detail());
                log.info("upload handled");
                switch (result.outcome()) {
                    case PUBLISHED -> metrics.count("MomentsPublished", 1);
                    case REJECTED -> metrics.count("MomentsRejected", 1);
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                log.put("outcome", "failed");
                log.error("upload failed", e);
                metrics.count("UploadFailures", 1);
                failure = e;
            }
        }
        metrics.emit();
        if (failure != null) {
            throw failure;
        }
        return null;
    }
}
