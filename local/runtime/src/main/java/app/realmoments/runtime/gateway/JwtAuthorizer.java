package app.realmoments.runtime.gateway;

import java.util.Locale;

/**
 * One JWT authorizer of an HTTP API: where the token is read ({@code IdentitySource}, a request
 * header) and how it is checked.
 */
public record JwtAuthorizer(String name, String header, JwtVerifier verifier) {

    /** The header an identity source such as {@code $request.header.Authorization} names (Authorization by default). */
    public static String header(String identitySource) {
        String prefix = "$request.header.";
        if (identitySource != null && identitySource.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
            return identitySource.substring(prefix.length());
        }
        return "Authorization";
    }
}
