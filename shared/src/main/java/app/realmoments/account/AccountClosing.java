package app.realmoments.account;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code DELETE /me}: the account is closed (every route refuses its tokens from now on), its pool user
 * disabled (no new sign-in, no refresh), and its erasure queued; the eraser does the rest. Asking again,
 * while the erasure runs or after it, does the same and changes nothing more (the job finds what is left).
 */
public final class AccountClosing {

    private final ClosedAccounts closed;
    private final UserDirectory directory;
    private final ErasureQueue queue;
    private final Duration tokenLifetime;
    private final Clock clock;

    public AccountClosing(ClosedAccounts closed, UserDirectory directory, ErasureQueue queue, Duration tokenLifetime,
                          Clock clock) {
        this.closed = closed;
        this.directory = directory;
        this.queue = queue;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    /** What {@code DELETE /me} answers, at once. */
    public record Deleting(String status) {
    }

    public Deleting close(String userId) {
        closed.close(userId, clock.instant().plus(tokenLifetime));
        directory.disable(userId);
        queue.send(ErasureJob.of(userId), Duration.ZERO);
        return new Deleting("deleting");
    }
}
