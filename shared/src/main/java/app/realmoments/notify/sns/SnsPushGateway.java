package app.realmoments.notify.sns;

import app.realmoments.error.Problem;
import app.realmoments.json.Json;
import app.realmoments.notify.PushGateway;
import app.realmoments.notify.PushMessage;
import app.realmoments.notify.PushPlatform;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.EndpointDisabledException;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * SNS mobile push: one platform application per configured platform (template parameters
 * FcmPlatformApplicationArn, ApnsPlatformApplicationArn), one platform endpoint per device token.
 */
public final class SnsPushGateway implements PushGateway {

    private final SnsClient sns;
    private final Map<PushPlatform, String> applications;

    /** {@code applications}: platform application ARNs; a blank one leaves that platform unconfigured. */
    public SnsPushGateway(SnsClient sns, Map<PushPlatform, String> applications) {
        this.sns = sns;
        this.applications = new EnumMap<>(PushPlatform.class);
        applications.forEach((platform, arn) -> {
            if (arn != null && !arn.isBlank()) {
                this.applications.put(platform, arn);
            }
        });
    }

    @Override
    public boolean supports(PushPlatform platform) {
        return applications.containsKey(platform);
    }

    @Override
    public boolean enabled() {
        return !applications.isEmpty();
    }

    @Override
    public String createEndpoint(PushPlatform platform, String token) {
        String application = applications.get(platform);
        if (application == null) {
            return null;
        }
        // No CustomUserData: SNS hands back the existing endpoint for a known token only when the
        // attributes match, and a token moving to another user must get the same endpoint.
        try {
            return sns.createPlatformEndpoint(r -> r.platformApplicationArn(application).token(token)).endpointArn();
        } catch (InvalidParameterException refused) {
            // FCM or APNs do not know this token (or it is malformed): the client sent a bad one
            throw Problem.invalid("token", "the push service refused this token");
        }
    }

    @Override
    public Delivery publish(String endpointArn, PushPlatform platform, PushMessage message) {
        try {
            sns.publish(r -> r.targetArn(endpointArn).messageStructure("json").message(payload(message)));
            return Delivery.SENT;
        } catch (EndpointDisabledException | InvalidParameterException | NotFoundException gone) {
            return Delivery.GONE;
        }
    }

    @Override
    public void deleteEndpoint(String endpointArn) {
        sns.deleteEndpoint(r -> r.endpointArn(endpointArn));
    }

    /** One message per platform, as SNS's JSON message structure wants it. */
    static String payload(PushMessage message) {
        Map<String, Object> fcm = new LinkedHashMap<>();
        fcm.put("notification", Map.of("title", message.title(), "body", message.body()));
        fcm.put("data", message.data());
        Map<String, Object> apns = new LinkedHashMap<>();
        apns.put("aps", Map.of("alert", Map.of("title", message.title(), "body", message.body()), "sound", "default"));
        apns.putAll(message.data());
        String apnsJson = Json.write(apns);
        Map<String, String> structure = new LinkedHashMap<>();
        structure.put("default", message.body());
        structure.put("GCM", Json.write(fcm));
        structure.put("APNS", apnsJson);
        structure.put("APNS_SANDBOX", apnsJson);
        return Json.write(structure);
    }
}
