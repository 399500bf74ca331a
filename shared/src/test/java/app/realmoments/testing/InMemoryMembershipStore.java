package app.realmoments.testing;

import app.realmoments.campus.CampusVerification;
import app.realmoments.campus.MembershipStore;
import app.realmoments.campus.SchoolEmail;
import app.realmoments.campus.Verification;
import app.realmoments.profile.Profile;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Membership in memory with the rules of the DynamoDB store; the campus lands on the profiles given. */
public final class InMemoryMembershipStore implements MembershipStore {

    private final InMemoryProfileStore profiles;
    private final Map<String, Verification> verifications = new HashMap<>();
    /** Address hash to user id. */
    public final Map<String, String> claims = new HashMap<>();
    private final Map<String, String> claimOf = new HashMap<>();

    public InMemoryMembershipStore(InMemoryProfileStore profiles) {
        this.profiles = profiles;
    }

    @Override
    public synchronized Optional<Verification> verification(String userId) {
        return Optional.ofNullable(verifications.get(userId));
    }

    @Override
    public synchronized void start(Verification verification) {
        verifications.put(verification.userId(), verification);
    }

    @Override
    public synchronized boolean countWrongTry(Verification v) {
        Verification stored = verifications.get(v.userId());
        if (stored == null || !stored.verificationId().equals(v.verificationId()) || stored.wrongTries() != v.wrongTries()
                || stored.usedAt() != null) {
            return false;
        }
        verifications.put(v.userId(), stored.withWrongTry());
        return true;
    }

    @Override
    public synchronized void end(Verification v) {
        Verification stored = verifications.get(v.userId());
        if (stored != null && stored.verificationId().equals(v.verificationId()) && stored.usedAt() == null) {
            verifications.remove(v.userId());
        }
    }

    @Override
    public synchronized Optional<String> claimant(SchoolEmail email) {
        return Optional.ofNullable(claims.get(email.hash()));
    }

    @Override
    public synchronized Joined join(Verification v, Instant at) {
        Profile profile = profiles.find(v.userId()).orElse(null);
        if (profile == null) {
            return Joined.NO_PROFILE;
        }
        Verification stored = verifications.get(v.userId());
        if (stored == null || !stored.verificationId().equals(v.verificationId()) || stored.usedAt() != null
                || stored.wrongTries() >= CampusVerification.MAX_WRONG_TRIES) {
            return Joined.SPENT;
        }
        String hash = v.email().hash();
        String holder = claims.get(hash);
        if (holder != null && !holder.equals(v.userId())) {
            return Joined.EMAIL_TAKEN;
        }
        verifications.put(v.userId(), new Verification(stored.verificationId(), stored.userId(), stored.campusId(),
                stored.email(), stored.codeHash(), stored.createdAt(), stored.expiresAt(), stored.wrongTries(), at));
        String previous = claimOf.put(v.userId(), hash);
        if (previous != null && !previous.equals(hash)) {
            claims.remove(previous);
        }
        claims.put(hash, v.userId());
        setCampus(profile, v.campusId(), at);
        return Joined.JOINED;
    }

    @Override
    public synchronized void grant(String userId, String campusId, Instant at) {
        String previous = claimOf.remove(userId);
        if (previous != null) {
            claims.remove(previous);
        }
        setCampus(profiles.find(userId).orElseThrow(), campusId, at);
    }

    @Override
    public synchronized boolean leave(String userId, Instant at) {
        Profile profile = profiles.find(userId).orElse(null);
        if (profile == null || profile.campusId() == null) {
            return false;
        }
        String previous = claimOf.remove(userId);
        if (previous != null) {
            claims.remove(previous);
        }
        setCampus(profile, null, null);
        return true;
    }

    private void setCampus(Profile p, String campusId, Instant at) {
        profiles.save(new Profile(p.userId(), p.handle(), p.displayName(), campusId, p.createdAt(), p.updatedAt(), at),
                p.handle());
    }
}
