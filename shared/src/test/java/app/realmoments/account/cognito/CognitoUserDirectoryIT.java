package app.realmoments.account.cognito;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.testing.LocalAws;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/** Against the emulator's user pool (the template's): found by sub, disabled, deleted, each twice. */
class CognitoUserDirectoryIT {

    private final LocalAws aws = LocalAws.shared();
    private final String pool = aws.ref("UserPool");
    private final CognitoUserDirectory directory = new CognitoUserDirectory(aws::cognito, pool);

    @Test
    void aUserIsFoundByItsSubDisabledAndDeletedAndEachIsSafeToRepeat() {
        String email = "leaver-" + UUID.randomUUID() + "@example.edu";
        aws.cognito().adminCreateUser(b -> b.userPoolId(pool).username(email).messageAction(MessageActionType.SUPPRESS)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        var user = aws.cognito().adminGetUser(b -> b.userPoolId(pool).username(email));
        String sub = user.userAttributes().stream().filter(a -> a.name().equals("sub")).findFirst().orElseThrow().value();

        assertEquals(user.username(), directory.userName(sub).orElseThrow(), "the pool's user name, found by sub");

        directory.disable(sub);
        directory.disable(sub);
        assertFalse(aws.cognito().adminGetUser(b -> b.userPoolId(pool).username(email)).enabled());

        directory.delete(sub);
        directory.delete(sub);
        assertThrows(UserNotFoundException.class, () -> aws.cognito().adminGetUser(b -> b.userPoolId(pool).username(email)));
        assertTrue(directory.userName(sub).isEmpty());
        directory.disable(sub);
    }

    @Test
    void anIdThatIsNotAPlainIdNeverReachesTheFilter() {
        assertTrue(directory.userName("x\" or sub = \"y").isEmpty());
        directory.delete("nobody-" + UUID.randomUUID());
    }
}
