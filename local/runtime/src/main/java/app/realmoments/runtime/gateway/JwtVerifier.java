package app.realmoments.runtime.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of an HTTP API JWT authorizer for a Cognito user pool: RS256 only, a key of the pool's
 * JWKS, a valid signature, the configured issuer, not expired, not used before its time, an ID token
 * whose {@code aud} or an access token whose {@code client_id} is one of the configured audiences.
 */
public final class JwtVerifier {

    /** Clock skew allowed for nbf and iat. */
    static final long SKEW_SECONDS = 60;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    /** The signing keys, by key id; null for an unknown kid (after trying to refresh them). */
    @FunctionalInterface
    public interface KeySource {
        PublicKey key(String kid);
    }

    /** Whether the user a valid token names may still call: false for a deleted or disabled account. */
    @FunctionalInterface
    public interface AccountCheck {
        boolean active(String sub);
    }

    /** Why a token is refused; the message becomes the www-authenticate error_description. */
    public static final class Rejected extends Exception {
        public Rejected(String message) {
            super(message);
        }
    }

    /** A verified token: its claims (JSON) and the scopes of an access token. */
    public record Verified(Map<String, JsonNode> claims, List<String> scopes) {
    }

    private final String issuer;
    private final Set<String> audiences;
    private final KeySource keys;
    private final Clock clock;
    private final AccountCheck accounts;

    public JwtVerifier(String issuer, Set<String> audiences, KeySource keys, Clock clock) {
        this(issuer, audiences, keys, clock, sub -> true);
    }

    /** @param accounts asked last, once the token itself is valid */
    public JwtVerifier(String issuer, Set<String> audiences, KeySource keys, Clock clock, AccountCheck accounts) {
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.keys = keys;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** Verifies the Authorization header's value ("Bearer " optional). */
    public Verified verify(String authorization) throws Rejected {
        if (authorization == null || authorization.isBlank()) {
            throw new Rejected("no token");
        }
        String token = authorization.trim();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7).trim();
        } else if (token.equalsIgnoreCase("Bearer")) {
            token = "";
        }
        if (token.isEmpty()) {
            throw new Rejected("no token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new Rejected("not a JWT");
        }
        for (String part : parts) {
            if (!BASE64URL.matcher(part).matches()) {
                throw new Rejected("not a JWT");
            }
        }
        JsonNode header = json(parts[0]);
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isTextual() || !alg.asText().equals("RS256")) {
            throw new Rejected("unsupported signing algorithm");
        }
        JsonNode kid = header.get("kid");
        if (kid == null || !kid.isTextual()) {
            throw new Rejected("no key id");
        }
        PublicKey key = keys.key(kid.asText());
        if (key == null) {
            throw new Rejected("unknown signing key");
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new Rejected("signature verification failed");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Rejected("signature verification failed");
        }
        JsonNode payload = json(parts[1]);
        if (!issuer.equals(text(payload, "iss"))) {
            throw new Rejected("the token was not issued by " + issuer);
        }
        long now = clock.instant().getEpochSecond();
        JsonNode exp = payload.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw new Rejected("the token has no expiry");
        }
        if (now >= exp.asLong()) {
            throw new Rejected("the token has expired");
        }
        for (String claim : List.of("nbf", "iat")) {
            JsonNode value = payload.get(claim);
            if (value != null && (!value.isNumber() || value.asLong() > now + SKEW_SECONDS)) {
                throw new Rejected("the token is not valid yet");
            }
        }
        String tokenUse = text(payload, "token_use");
        String audience;
        if ("id".equals(tokenUse)) {
            audience = text(payload, "aud");
        } else if ("access".equals(tokenUse)) {
            audience = text(payload, "client_id");
        } else {
            throw new Rejected("not an ID or access token");
        }
        if (audience == null || !audiences.contains(audience)) {
            throw new Rejected("the token's audience is not allowed");
        }
        if (!accounts.active(text(payload, "sub"))) {
            throw new Rejected("the user is disabled or deleted");
        }
        Map<String, JsonNode> claims = new LinkedHashMap<>();
        payload.properties().forEach(e -> claims.put(e.getKey(), e.getValue()));
        String scope = text(payload, "scope");
        List<String> scopes = scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+"));
        return new Verified(claims, scopes);
    }

    /** The claims as API Gateway passes them to the function: every value a string, arrays as "[a b]". */
    public static Map<String, String> claimStrings(Map<String, JsonNode> claims) {
        Map<String, String> out = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder("[");
                value.forEach(item -> joined.append(joined.length() > 1 ? " " : "").append(item.isTextual()
                        ? item.asText() : item.toString()));
                out.put(name, joined.append(']').toString());
            } else if (value.isValueNode()) {
                out.put(name, value.asText());
            } else {
                out.put(name, value.toString());
            }
        });
        return out;
    }

    private static JsonNode json(String part) throws Rejected {
        try {
            JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(part));
            if (node == null || !node.isObject()) {
                throw new Rejected("not a JWT");
            }
            return node;
        } catch (Rejected e) {
            throw e;
        } catch (Exception e) {
            throw new Rejected("not a JWT");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The last path segment of a Cognito issuer URL: the user pool id. */
    public static String userPoolId(String issuer) {
        String trimmed = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
