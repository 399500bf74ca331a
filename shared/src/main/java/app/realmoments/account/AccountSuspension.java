package app.realmoments.account;

import java.time.Clock;
import java.time.Duration;

/**
 * A moderator's {@code suspend_author}, on the account's side: its tokens are refused from now on (every
 * route asks {@link ClosedAccounts}, for as long as a token issued before can live) and the pool user is
 * disabled and signed out, so no new token is issued. Safe to repeat.
 */
public final class AccountSuspension {

    private final UserDirectory pool;
    private final ClosedAccounts closed;
    private final Duration tokenLifetime;
    private final Clock clock;

    public AccountSuspension(UserDirectory pool, ClosedAccounts closed, Duration tokenLifetime, Clock clock) {
        this.pool = pool;
        this.closed = closed;
        this.tokenLifetime = tokenLifetime;
        this.clock = clock;
    }

    public void suspend(String userId) {
        closed.suspend(userId, clock.instant().plus(tokenLifetime));
        pool.disable(userId);
    }
}
