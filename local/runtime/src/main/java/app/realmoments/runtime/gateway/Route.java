package app.realmoments.runtime.gateway;

import java.util.List;
import java.util.Locale;

/**
 * One HTTP API route from a function's {@code HttpApi} event.
 *
 * @param method     upper case, or ANY
 * @param path       as in the template, e.g. {@code /moments/{momentId}} or {@code /files/{proxy+}}
 * @param authorizer the authorizer's name, or null for a public route ({@code Authorizer: NONE})
 * @param scopes     the route's AuthorizationScopes (empty: any token of the authorizer)
 */
public record Route(String method, String path, String function, String authorizer, List<String> scopes) {

    public Route {
        method = method.toUpperCase(Locale.ROOT);
        if (method.equals("*")) {
            method = "ANY";
        }
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    /** API Gateway's route key, e.g. {@code GET /moments/{momentId}}. */
    public String routeKey() {
        return method + " " + path;
    }
}
