package app.realmoments.emulator.provision;

import static app.realmoments.emulator.provision.ResourceProperties.json;
import static app.realmoments.emulator.provision.ResourceProperties.str;

import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.StackSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** AWS::SQS::Queue: its attributes (FIFO, timeouts, the redrive policy to a dead-letter queue). */
record Queues(Aws aws, StackSettings settings) {

    Physical create(String id, Map<String, Object> p) {
        boolean fifo = Boolean.parseBoolean(str(p, "FifoQueue", "false"));
        String name = str(p, "QueueName", settings.physicalName(id) + (fifo ? ".fifo" : ""));
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        Map<String, QueueAttributeName> known = Map.of(
                "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
                "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
                "MaximumMessageSize", QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
                "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
                "FifoQueue", QueueAttributeName.FIFO_QUEUE,
                "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        known.forEach((property, attribute) -> {
            if (p.get(property) != null) {
                attributes.put(attribute, str(p, property, null));
            }
        });
        if (p.get("RedrivePolicy") != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, json(p.get("RedrivePolicy")));
        }
        String url = aws.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return Physical.of("AWS::SQS::Queue", url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }
}
