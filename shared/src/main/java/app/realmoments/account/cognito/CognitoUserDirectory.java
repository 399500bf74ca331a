package app.realmoments.account.cognito;

import app.realmoments.account.UserDirectory;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/**
 * The stage's Cognito user pool. The API knows a user by the token's {@code sub}; the pool's admin calls
 * take its user name, which a pool that signs in by email generates and a pool that does not may not
 * equal to {@code sub}, so each call first finds the user by {@code sub} (ListUsers with a filter, one
 * call). A user already gone is not an error: both operations are safe to repeat.
 */
public final class CognitoUserDirectory implements UserDirectory {

    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String userPoolId;

    public CognitoUserDirectory(Supplier<CognitoIdentityProviderClient> cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public void disable(String userId) {
        userName(userId).ifPresent(name -> {
            try {
                cognito.get().adminDisableUser(b -> b.userPoolId(userPoolId).username(name));
                // revokes its refresh tokens: no new ID or access token is issued from them
                cognito.get().adminUserGlobalSignOut(b -> b.userPoolId(userPoolId).username(name));
            } catch (UserNotFoundException gone) {
                // deleted between the two calls: nothing left to disable
            }
        });
    }

    @Override
    public void delete(String userId) {
        userName(userId).ifPresent(name -> {
            try {
                cognito.get().adminDeleteUser(b -> b.userPoolId(userPoolId).username(name));
            } catch (UserNotFoundException gone) {
                // a retry after the first delete went through
            }
        });
    }

    /** The pool's user name of the user whose {@code sub} this is, if the user still exists. */
    public Optional<String> userName(String userId) {
        if (userId == null || !userId.matches("[0-9A-Za-z-]{1,128}")) {
            return Optional.empty(); // never interpolated into the filter unless it is a plain id
        }
        return cognito.get().listUsers(b -> b.userPoolId(userPoolId).filter("sub = \"" + userId + "\"").limit(1))
                .users().stream().findFirst().map(UserType::username);
    }
}
