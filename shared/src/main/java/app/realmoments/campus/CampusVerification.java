package app.realmoments.campus;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.mail.Mailer;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.quota.Quotas;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Membership of a campus, only by school email: {@code POST /me/campus/verification} checks the address
 * against the campus's domains and mails a six-digit code; {@code .../confirm} with that code makes the
 * caller a verified member; {@code DELETE /me/campus} leaves. A code lives ten minutes, works once, and
 * five wrong ones end its verification; one address verifies one account at a time. Each email sent
 * counts against the caller's {@code VERIFICATION_EMAILS} quota, which also bounds the guesses: five
 * a verification.
 */
public final class CampusVerification {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_WRONG_TRIES = 5;
    /** How often a confirmation reads again after a concurrent one changed the verification. */
    private static final int READS = 5;
    private static final Pattern CODE = Pattern.compile("[0-9]{6}");

    private final CampusRegistry registry;
    private final MembershipStore membership;
    private final ProfileStore profiles;
    private final Mailer mailer;
    private final VerificationCodes codes;
    private final Quotas quotas;
    private final Ids ids;
    private final Clock clock;

    public CampusVerification(CampusRegistry registry, MembershipStore membership, ProfileStore profiles, Mailer mailer,
                              VerificationCodes codes, Quotas quotas, Ids ids, Clock clock) {
        this.registry = registry;
        this.membership = membership;
        this.profiles = profiles;
        this.mailer = mailer;
        this.codes = codes;
        this.quotas = quotas;
        this.ids = ids;
        this.clock = clock;
    }

    /** The body of {@code POST /me/campus/verification}. */
    public record Request(String campusId, String email) {
    }

    /** The body of {@code POST /me/campus/verification/confirm}. */
    public record Confirmation(String code) {
    }

    /** What {@code POST /me/campus/verification} answers (202). */
    public record Started(String verificationId, String expiresAt) {
    }

    /** Checks everything before anything is written or sent, then stores the code's hash and mails it. */
    public Started start(String callerId, Request request) {
        if (request.campusId() == null || request.campusId().isBlank()) {
            throw Problem.invalid("campusId", "campusId is required");
        }
        SchoolEmail email = SchoolEmail.parse(request.email());
        Campus campus = (Campus.isWellFormedId(request.campusId()) ? registry.find(request.campusId()) : Optional.<Campus>empty())
                .orElseThrow(() -> new Problem(Problem.Kind.INVALID, "unknown_campus",
                        "no campus " + request.campusId() + " in the registry (GET /campuses)", "campusId"));
        if (!campus.ownsDomain(email.domain())) {
            throw new Problem(Problem.Kind.INVALID, "email_not_of_campus",
                    "an address at " + email.domain() + " is not one of " + campus.name() + "'s", "email");
        }
        if (profiles.find(callerId).isEmpty()) {
            throw new Problem(Problem.Kind.NOT_FOUND, "profile_not_found", "no profile yet: create it with PUT /me", null);
        }
        if (membership.claimant(email).filter(holder -> !holder.equals(callerId)).isPresent()) {
            throw emailTaken();
        }
        quotas.take(callerId, Quotas.Rate.VERIFICATION_EMAILS);
        Instant now = clock.instant();
        String verificationId = ids.next(now);
        String code = codes.next();
        Verification verification = new Verification(verificationId, callerId, campus.campusId(), email,
                codes.hash(verificationId, code), now, now.plus(CODE_LIFETIME), 0, null);
        membership.start(verification);
        try {
            mailer.send(new Mailer.Email(email.address(), "Your Real Moments code for " + campus.name(), """
                    Your code to join %s on Real Moments is %s

                    It works once, for 10 minutes. If you did not ask for it, ignore this email: nobody \
                    joins with your address without the code.
                    """.formatted(campus.name(), code)));
        } catch (Mailer.Refused refused) {
            membership.end(verification);
            throw new Problem(Problem.Kind.INVALID, "email_refused", "that address cannot receive email", "email");
        } catch (RuntimeException failed) {
            membership.end(verification); // no code that was never sent stays waiting
            throw failed;
        }
        return new Started(verificationId, Times.iso(verification.expiresAt()));
    }

    /** The caller's profile, now a verified member of the verification's campus. */
    public Profile confirm(String callerId, Confirmation confirmation) {
        String code = confirmation.code() == null ? null : confirmation.code().strip();
        if (code == null || !CODE.matcher(code).matches()) {
            throw Problem.invalid("code", "code must be the 6 digits of the email");
        }
        for (int read = 1; read <= READS; read++) {
            Verification verification = membership.verification(callerId).orElseThrow(CampusVerification::noVerification);
            Instant now = clock.instant();
            if (verification.usedAt() != null) {
                return memberOf(callerId, verification.campusId()).orElseThrow(CampusVerification::noVerification);
            }
            if (verification.expiredAt(now)) {
                throw new Problem(Problem.Kind.INVALID, "code_expired",
                        "the code has expired: ask for a new one with POST /me/campus/verification", "code");
            }
            if (verification.wrongTries() >= MAX_WRONG_TRIES) {
                throw ended();
            }
            if (!codes.matches(verification, code)) {
                if (!membership.countWrongTry(verification)) {
                    continue; // another try counted first: decide on what it left
                }
                int left = MAX_WRONG_TRIES - verification.wrongTries() - 1;
                if (left == 0) {
                    membership.end(verification);
                    throw ended();
                }
                throw new Problem(Problem.Kind.INVALID, "wrong_code",
                        "that is not the code; " + left + (left == 1 ? " try" : " tries") + " left", "code");
            }
            switch (membership.join(verification, now)) {
                case JOINED -> {
                    return memberOf(callerId, verification.campusId()).orElseThrow(CampusVerification::noVerification);
                }
                case EMAIL_TAKEN -> throw emailTaken();
                case NO_PROFILE -> throw new Problem(Problem.Kind.NOT_FOUND, "profile_not_found",
                        "no profile yet: create it with PUT /me", null);
                case SPENT -> {
                    // used by a concurrent confirmation, replaced or ended: read it again
                }
            }
        }
        throw Problem.conflict("conflict", "the verification changed at the same time; try again", "code");
    }

    /** Leaves the caller's campus, if they have one; their campus moments are seen only by friends from now. */
    public void leave(String callerId) {
        membership.leave(callerId, clock.instant());
    }

    private Optional<Profile> memberOf(String callerId, String campusId) {
        return profiles.find(callerId).filter(p -> campusId.equals(p.campusId()));
    }

    private static Problem noVerification() {
        return new Problem(Problem.Kind.INVALID, "no_verification",
                "no verification is waiting: start one with POST /me/campus/verification", "code");
    }

    private static Problem ended() {
        return new Problem(Problem.Kind.INVALID, "verification_ended",
                "five wrong codes ended this verification: start a new one", "code");
    }

    private static Problem emailTaken() {
        return Problem.conflict("email_taken", "this school address verifies another account", "email");
    }
}
