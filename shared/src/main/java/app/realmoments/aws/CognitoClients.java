package app.realmoments.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/** Builds the Cognito user pool client of a function. */
public final class CognitoClients {

    private CognitoClients() {
    }

    public static CognitoIdentityProviderClient create(AwsClients aws) {
        return aws.configure(CognitoIdentityProviderClient.builder()).build();
    }

    /** Built on the first account change: the functions that use it do so on one path of several. */
    public static Supplier<CognitoIdentityProviderClient> lazyClient(AwsClients aws) {
        return Lazy.of(() -> create(aws));
    }
}
