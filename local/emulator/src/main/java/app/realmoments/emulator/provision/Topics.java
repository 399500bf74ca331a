package app.realmoments.emulator.provision;

import static app.realmoments.emulator.provision.ResourceProperties.str;

import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.StackSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** AWS::SNS::Topic, FIFO or not. */
record Topics(Aws aws, StackSettings settings) {

    Physical create(String id, Map<String, Object> p) {
        boolean fifo = Boolean.parseBoolean(str(p, "FifoTopic", "false"));
        String name = str(p, "TopicName", settings.physicalName(id) + (fifo ? ".fifo" : ""));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
        }
        if (p.get("DisplayName") != null) {
            attributes.put("DisplayName", str(p, "DisplayName", null));
        }
        String arn = aws.sns().createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        return Physical.of("AWS::SNS::Topic", arn, Map.of("TopicArn", arn, "TopicName", name));
    }
}
