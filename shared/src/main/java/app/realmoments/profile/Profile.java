package app.realmoments.profile;

import java.time.Instant;

/**
 * A student's public face: a unique handle, a display name, and the campus they verified with a school
 * email ({@code campusId} null when they have none; {@code campusVerifiedAt} when they verified).
 */
public record Profile(String userId, String handle, String displayName, String campusId,
                      Instant createdAt, Instant updatedAt, Instant campusVerifiedAt) {
}
