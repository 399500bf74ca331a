package app.realmoments.profile;

import java.time.Instant;

/** A student's public face: a unique handle, a display name and the campus they belong to. */
public record Profile(String userId, String handle, String displayName, String campusId,
                      Instant createdAt, Instant updatedAt) {
}
