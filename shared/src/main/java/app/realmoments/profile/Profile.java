package app.realmoments.profile;

import java.time.Instant;

/**
 * A student's public face: a unique handle, a display name, and the campus they verified with a school
 * email ({@code campusId} null when they have none; {@code campusVerifiedAt} when they verified).
 * {@code hidden}: moderation hid the person (reported by enough people, or suspended): their profile,
 * moments and comments are seen by nobody but themselves.
 */
public record Profile(String userId, String handle, String displayName, String campusId,
                      Instant createdAt, Instant updatedAt, Instant campusVerifiedAt, boolean hidden) {

    /** A profile moderation has not hidden. */
    public Profile(String userId, String handle, String displayName, String campusId,
                   Instant createdAt, Instant updatedAt, Instant campusVerifiedAt) {
        this(userId, handle, displayName, campusId, createdAt, updatedAt, campusVerifiedAt, false);
    }
}
