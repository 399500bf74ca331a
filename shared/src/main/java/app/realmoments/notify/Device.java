package app.realmoments.notify;

import java.time.Instant;

/**
 * A phone that receives a user's pushes. The token itself is not kept, only its hash (the key of the
 * token claim) and the SNS platform endpoint made from it (null when its platform is not configured).
 */
public record Device(String userId, String deviceId, PushPlatform platform, String tokenHash, String endpointArn,
                     Instant createdAt) {
}
