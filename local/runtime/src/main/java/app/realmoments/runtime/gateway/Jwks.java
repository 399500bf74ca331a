package app.realmoments.runtime.gateway;

import app.realmoments.emulator.RuntimeLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A user pool's signing keys from its JWKS document, fetched on first use and cached; an unknown key
 * id makes it fetch the document again, at most once every few seconds (forged kids cannot make it
 * hammer the emulator).
 */
public final class Jwks implements JwtVerifier.KeySource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REFETCH_INTERVAL = Duration.ofSeconds(5);

    private final URI uri;
    private final long refetchIntervalNanos;
    private final HttpClient http;
    private Map<String, PublicKey> keys = Map.of();
    private long fetchedAt;
    private boolean fetched;

    public Jwks(URI uri) {
        this(uri, REFETCH_INTERVAL);
    }

    /** With the shortest time between two fetches caused by unknown key ids. */
    public Jwks(URI uri, Duration refetchInterval) {
        this.uri = uri;
        this.refetchIntervalNanos = refetchInterval.toNanos();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** {@code {endpoint}/{userPoolId}/.well-known/jwks.json}, where moto serves each pool's keys. */
    public static Jwks forUserPool(String endpoint, String userPoolId) {
        String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
        return new Jwks(URI.create(base + userPoolId + "/.well-known/jwks.json"));
    }

    @Override
    public synchronized PublicKey key(String kid) {
        PublicKey key = keys.get(kid);
        if (key == null && (!fetched || System.nanoTime() - fetchedAt >= refetchIntervalNanos)) {
            fetch();
            key = keys.get(kid);
        }
        return key;
    }

    private void fetch() {
        fetched = true;
        fetchedAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                RuntimeLog.warn("JWKS " + uri + " answered " + response.statusCode());
                return;
            }
            keys = parse(response.body());
        } catch (Exception e) {
            RuntimeLog.warn("cannot fetch the JWKS " + uri + ": " + e);
        }
    }

    /** The RSA keys of a JWKS document by kid. */
    public static Map<String, PublicKey> parse(String document) throws Exception {
        Map<String, PublicKey> parsed = new HashMap<>();
        KeyFactory factory = KeyFactory.getInstance("RSA");
        for (JsonNode key : JSON.readTree(document).path("keys")) {
            if (!"RSA".equals(key.path("kty").asText()) || !key.hasNonNull("kid")) {
                continue;
            }
            BigInteger modulus = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
            BigInteger exponent = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
            parsed.put(key.path("kid").asText(), factory.generatePublic(new RSAPublicKeySpec(modulus, exponent)));
        }
        return Map.copyOf(parsed);
    }
}
