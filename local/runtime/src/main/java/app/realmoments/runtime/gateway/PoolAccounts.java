package app.realmoments.runtime.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * Whether a token's user still exists and is enabled in the emulator's user pool: a deleted account
 * (DELETE /me) and a suspended one (a moderator's {@code suspend_author}) are refused at once, as the
 * local stand-in for what a deployed stack gets from Cognito itself (the pool stops issuing tokens to
 * them) plus the tombstone check of the shared HTTP layer. One ListUsers call per user and second:
 * an answer "active" is kept for a second, so a burst of requests costs one call.
 */
final class PoolAccounts implements JwtVerifier.AccountCheck {

    private static final long KEEP_NANOS = 1_000_000_000L;

    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String userPoolId;
    private final ConcurrentHashMap<String, Long> activeSince = new ConcurrentHashMap<>();

    PoolAccounts(Supplier<CognitoIdentityProviderClient> cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public boolean active(String sub) {
        if (sub == null || !sub.matches("[0-9A-Za-z-]{1,128}")) {
            return false;
        }
        Long checked = activeSince.get(sub);
        long now = System.nanoTime();
        if (checked != null && now - checked < KEEP_NANOS) {
            return true;
        }
        boolean active = cognito.get().listUsers(b -> b.userPoolId(userPoolId).filter("sub = \"" + sub + "\"").limit(1))
                .users().stream().anyMatch(UserType::enabled);
        if (active) {
            activeSince.put(sub, now);
        } else {
            activeSince.remove(sub);
        }
        return active;
    }
}
