package app.realmoments.campus;

import java.time.Instant;

/**
 * A school-email verification waiting for its code: one per user at a time (a new one replaces it).
 * Only the code's keyed hash is kept; {@code usedAt} is set by the confirmation that made the user a
 * member, so a code works once, and {@code wrongTries} counts the codes that did not match.
 */
public record Verification(String verificationId, String userId, String campusId, SchoolEmail email, String codeHash,
                           Instant createdAt, Instant expiresAt, int wrongTries, Instant usedAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public Verification withWrongTry() {
        return new Verification(verificationId, userId, campusId, email, codeHash, createdAt, expiresAt, wrongTries + 1,
                usedAt);
    }
}
