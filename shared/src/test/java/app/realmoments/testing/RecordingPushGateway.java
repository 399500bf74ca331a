package app.realmoments.testing;

import app.realmoments.notify.PushGateway;
import app.realmoments.notify.PushMessage;
import app.realmoments.notify.PushPlatform;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Push platforms that record what they were asked; endpoints can be disabled or made to fail. */
public final class RecordingPushGateway implements PushGateway {

    public record Push(String endpointArn, PushMessage message) {
    }

    public final List<Push> pushes = new CopyOnWriteArrayList<>();
    public final List<String> deleted = new CopyOnWriteArrayList<>();
    public final Set<String> disabled = new HashSet<>();
    public final Set<String> failing = new HashSet<>();
    private final Set<PushPlatform> platforms;
    private final Map<String, String> endpoints = new HashMap<>();

    public RecordingPushGateway(PushPlatform... platforms) {
        this.platforms = platforms.length == 0 ? EnumSet.noneOf(PushPlatform.class) : EnumSet.of(platforms[0], platforms);
    }

    @Override
    public boolean supports(PushPlatform platform) {
        return platforms.contains(platform);
    }

    @Override
    public boolean enabled() {
        return !platforms.isEmpty();
    }

    @Override
    public synchronized String createEndpoint(PushPlatform platform, String token) {
        return endpoints.computeIfAbsent(platform.wire() + ":" + token, t -> "arn:aws:sns:us-east-1:123456789012:endpoint/"
                + (platform == PushPlatform.FCM ? "GCM" : "APNS") + "/app/" + endpoints.size());
    }

    @Override
    public Delivery publish(String endpointArn, PushPlatform platform, PushMessage message) {
        if (failing.contains(endpointArn)) {
            throw new IllegalStateException("SNS is throttling");
        }
        if (disabled.contains(endpointArn) || deleted.contains(endpointArn)) {
            return Delivery.GONE;
        }
        pushes.add(new Push(endpointArn, message));
        return Delivery.SENT;
    }

    @Override
    public void deleteEndpoint(String endpointArn) {
        deleted.add(endpointArn);
    }

    /** How many distinct endpoints were made (one per platform and token). */
    public synchronized int endpointsCreated() {
        return endpoints.size();
    }

    public List<String> bodies() {
        return pushes.stream().map(p -> p.message().body()).toList();
    }
}
