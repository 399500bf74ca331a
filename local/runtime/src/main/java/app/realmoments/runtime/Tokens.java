package app.realmoments.runtime;

import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Local users and their tokens: the user is created in the emulator's user pool if needed (the pool
 * uses the email as user name: "alice" becomes alice@example.edu), given a permanent password, and
 * signed in with USER_PASSWORD_AUTH, as a client app would.
 */
public final class Tokens {

    /** The one password of every local user (it satisfies the template's password policy). */
    public static final String PASSWORD = "Local-dev-Passw0rd!";

    private Tokens() {
    }

    /** A signed-in user. */
    public record Login(String username, String idToken, String accessToken, String refreshToken) {
    }

    /** "alice" -> "alice@example.edu"; a name with an @ is used as it is. */
    public static String email(String user) {
        String name = user.trim().toLowerCase(Locale.ROOT);
        return name.contains("@") ? name : name + "@example.edu";
    }

    public static Login login(CognitoIdentityProviderClient cognito, String userPoolId, String clientId, String user) {
        return login(cognito, userPoolId, clientId, user, List.of());
    }

    /**
     * The same, with the user added first to each of the pool's {@code groups} (created if missing), so the
     * token's {@code cognito:groups} claim names them: {@code admins} may edit the campus registry,
     * {@code moderators} work the report queue.
     */
    public static Login login(CognitoIdentityProviderClient cognito, String userPoolId, String clientId, String user,
                              List<String> groups) {
        String username = email(user);
        try {
            cognito.adminCreateUser(b -> b.userPoolId(userPoolId).username(username)
                    .messageAction(MessageActionType.SUPPRESS)
                    .userAttributes(AttributeType.builder().name("email").value(username).build(),
                            AttributeType.builder().name("email_verified").value("true").build()));
        } catch (UsernameExistsException exists) {
            // signed up before: keep it
        }
        for (String group : groups) {
            try {
                cognito.createGroup(b -> b.userPoolId(userPoolId).groupName(group));
            } catch (GroupExistsException exists) {
                // made before: keep it
            }
            cognito.adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(username).groupName(group));
        }
        cognito.adminSetUserPassword(b -> b.userPoolId(userPoolId).username(username).password(PASSWORD).permanent(true));
        AuthenticationResultType result = cognito.initiateAuth(b -> b.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(java.util.Map.of("USERNAME", username, "PASSWORD", PASSWORD))).authenticationResult();
        if (result == null || result.idToken() == null) {
            throw new IllegalStateException("the user pool did not return tokens for " + username);
        }
        return new Login(username, result.idToken(), result.accessToken(), result.refreshToken());
    }
}
