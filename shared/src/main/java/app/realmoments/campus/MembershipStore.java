package app.realmoments.campus;

import java.time.Instant;
import java.util.Optional;

/**
 * Campus membership and what leads to it: each user's waiting verification, the claims of school
 * addresses (one account per address at a time), and the verified campus on the profile with the
 * campus's member list (the daily prompt's recipients), changed together.
 */
public interface MembershipStore {

    Optional<Verification> verification(String userId);

    /** Stores a new verification, replacing the user's earlier one (its code stops working). */
    void start(Verification verification);

    /**
     * Counts one wrong code, if the verification is still as read; false when another try or a new
     * verification changed it first (read it again).
     */
    boolean countWrongTry(Verification verification);

    /** Deletes the verification (five wrong codes, or its email could not be sent). */
    void end(Verification verification);

    /** The user who holds this school address, if any. */
    Optional<String> claimant(SchoolEmail email);

    /**
     * Uses the verification: in one step the code is spent, the address claimed for its user (and the
     * one they held before released), the profile names the campus as verified, and the member lists
     * move from the old campus to this one.
     */
    Joined join(Verification verification, Instant at);

    /**
     * Makes the user a verified member of the campus without an address (an admin's grant, for a student
     * whose school mail cannot be reached); an address they had claimed is released.
     */
    void grant(String userId, String campusId, Instant at);

    /** Leaves the user's verified campus (their address is released); false when they had none. */
    boolean leave(String userId, Instant at);

    enum Joined {
        /** The user is now a verified member (also when an earlier try of this very call did it). */
        JOINED,
        /** Another account holds the address. */
        EMAIL_TAKEN,
        /** The verification was used, replaced or ended meanwhile. */
        SPENT,
        /** The user has no profile. */
        NO_PROFILE
    }
}
