package app.realmoments.emulator.provision;

import java.util.Map;

/**
 * What a created resource answers to {@code Ref} and {@code Fn::GetAtt}. A resource the emulator
 * does not hold (IAM, alarms ...) gets a placeholder whose every attribute is a made-up ARN.
 */
public record Physical(String type, String ref, Map<String, String> attributes, boolean emulated) {

    public Physical {
        attributes = Map.copyOf(attributes);
    }

    public static Physical of(String type, String ref, Map<String, String> attributes) {
        return new Physical(type, ref, attributes, true);
    }
}
