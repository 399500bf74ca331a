package app.realmoments.runtime.gateway;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Template;
import app.realmoments.emulator.template.TemplateException;
import app.realmoments.runtime.lambda.FunctionSpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The template's HTTP APIs as the local gateway serves them: a route for every HttpApi event of the
 * functions, and each API's JWT authorizers with the one its routes default to. The implicit API SAM
 * makes for events without an ApiId takes its Auth from Globals.
 *
 * @param routes      every route of every API (one local server serves them all)
 * @param authorizers by "{Api}/{Authorizer}", the name a route's {@link Route#authorizer()} gives
 */
public record HttpApis(RouteTable routes, Map<String, JwtAuthorizer> authorizers) {

    /** The implicit API SAM creates for HttpApi events without an ApiId. */
    public static final String IMPLICIT_API = "ServerlessHttpApi";

    public HttpApis {
        authorizers = Map.copyOf(authorizers);
    }

    /**
     * The routes and authorizers of the template's enabled APIs; the authorizers check tokens with the
     * signing keys of the user pools in the emulator, and refuse the users a pool no longer holds or has disabled.
     */
    public static HttpApis of(Template template, Intrinsics intrinsics, Collection<FunctionSpec> functions, Aws aws) {
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Template.Resource api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
            if (intrinsics.enabled(api)) {
                auth(api.logicalId(), intrinsics.resolve(api.properties().get("Auth")), aws, authorizers, defaults);
            }
        }
        Object implicit = template.section("Globals").get("HttpApi");
        if (implicit instanceof Map<?, ?> globals) {
            auth(IMPLICIT_API, intrinsics.resolve(globals.get("Auth")), aws, authorizers, defaults);
        }
        List<Route> routes = new ArrayList<>();
        for (FunctionSpec function : functions) {
            for (FunctionSpec.EventSource event : function.events().values()) {
                if (event.type().equals("HttpApi")) {
                    Route route = route(function, event, defaults);
                    if (route != null) {
                        routes.add(route);
                    }
                }
            }
        }
        for (Route route : routes) {
            if (route.authorizer() != null && !authorizers.containsKey(route.authorizer())) {
                throw new TemplateException("route " + route.routeKey() + " names the authorizer "
                        + route.authorizer() + ", which its API does not define");
            }
        }
        return new HttpApis(new RouteTable(routes), authorizers);
    }

    /** The logical ids of the APIs a route can belong to: the implicit one and every one of the template. */
    public static Set<String> ids(Template template) {
        Set<String> apis = new LinkedHashSet<>(List.of(IMPLICIT_API));
        template.resourcesOfType("AWS::Serverless::HttpApi").forEach(r -> apis.add(r.logicalId()));
        return apis;
    }

    /** The route of one HttpApi event; null for a $default route, which is not served locally. */
    private static Route route(FunctionSpec function, FunctionSpec.EventSource event, Map<String, String> defaults) {
        String api = IMPLICIT_API;
        if (event.raw().get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id) {
            api = id;
        }
        Map<String, Object> p = event.properties();
        String path = p.get("Path") == null ? null : String.valueOf(p.get("Path"));
        String method = p.get("Method") == null ? "ANY" : String.valueOf(p.get("Method"));
        if (path == null || path.equals("$default")) {
            RuntimeLog.warn(function.logicalId() + "." + event.name() + ": a $default route is not served locally");
            return null;
        }
        String authorizer = defaults.get(api);
        List<String> scopes = List.of();
        if (p.get("Auth") instanceof Map<?, ?> auth) {
            if (auth.get("Authorizer") != null) {
                String name = String.valueOf(auth.get("Authorizer"));
                authorizer = name.equals("NONE") ? null : name;
            }
            if (auth.get("AuthorizationScopes") instanceof List<?> list) {
                scopes = list.stream().map(String::valueOf).toList();
            }
        }
        return new Route(method, path, function.logicalId(), authorizer == null ? null : api + "/" + authorizer, scopes);
    }

    /** The authorizers of one API's Auth and its DefaultAuthorizer. */
    private static void auth(String api, Object auth, Aws aws, Map<String, JwtAuthorizer> authorizers,
                             Map<String, String> defaults) {
        if (!(auth instanceof Map<?, ?> config)) {
            return;
        }
        if (config.get("DefaultAuthorizer") != null) {
            defaults.put(api, String.valueOf(config.get("DefaultAuthorizer")));
        }
        if (!(config.get("Authorizers") instanceof Map<?, ?> all)) {
            return;
        }
        all.forEach((name, body) -> {
            String key = api + "/" + name;
            Map<?, ?> authorizer = body instanceof Map<?, ?> m ? m : Map.of();
            if (!(authorizer.get("JwtConfiguration") instanceof Map<?, ?> jwt)) {
                RuntimeLog.warn("authorizer " + key + " is not a JWT authorizer: not emulated, its routes answer 401");
                authorizers.put(key, new JwtAuthorizer(key, "Authorization",
                        new JwtVerifier("not-emulated", Set.of(), kid -> null, Clock.systemUTC())));
                return;
            }
            String header = JwtAuthorizer.header(authorizer.get("IdentitySource") == null ? null
                    : String.valueOf(authorizer.get("IdentitySource")));
            String issuer = String.valueOf(jwt.get("issuer"));
            Set<String> audiences = new LinkedHashSet<>();
            if (jwt.get("audience") instanceof Collection<?> list) {
                list.forEach(a -> audiences.add(String.valueOf(a)));
            } else if (jwt.get("audience") != null) {
                audiences.add(String.valueOf(jwt.get("audience")));
            }
            String pool = JwtVerifier.userPoolId(issuer);
            Jwks keys = Jwks.forUserPool(aws.endpoint(), pool);
            authorizers.put(key, new JwtAuthorizer(key, header, new JwtVerifier(issuer, audiences, keys, Clock.systemUTC(),
                    new PoolAccounts(aws::cognito, pool))));
        });
    }
}
