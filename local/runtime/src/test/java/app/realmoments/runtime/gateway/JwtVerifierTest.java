package app.realmoments.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JWT authorizer's checks on tokens signed here with generated keys. */
class JwtVerifierTest {

    private static final String ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_pool";
    private static final String CLIENT = "client123";
    private static final long NOW = 1_800_000_000L;
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private static KeyPair pool;
    private static KeyPair other;
    private final Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pool = generator.generateKeyPair();
        other = generator.generateKeyPair();
    }

    private JwtVerifier verifier() {
        return new JwtVerifier(ISSUER, Set.of(CLIENT), kid -> kid.equals("k1") ? pool.getPublic() : null, clock);
    }

    private static String idPayload(String iss, String aud, long exp) {
        return "{\"sub\":\"u-1\",\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"token_use\":\"id\",\"iat\":" + (NOW - 60)
                + ",\"auth_time\":" + (NOW - 60) + ",\"exp\":" + exp + ",\"email\":\"alice@example.edu\","
                + "\"cognito:groups\":[\"a\",\"b\"],\"email_verified\":true}";
    }

    private static String valid() {
        return sign(pool.getPrivate(), header("RS256", "k1"), idPayload(ISSUER, CLIENT, NOW + 3600));
    }

    private static String header(String alg, String kid) {
        return "{\"kid\":\"" + kid + "\",\"alg\":\"" + alg + "\"}";
    }

    private static String sign(PrivateKey key, String header, String payload) {
        try {
            String input = part(header) + "." + part(payload);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + URL.encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private void rejected(String token, String why) {
        JwtVerifier.Rejected rejected = assertThrows(JwtVerifier.Rejected.class, () -> verifier().verify(token));
        assertTrue(rejected.getMessage().contains(why), rejected.getMessage());
    }

    @Test
    void acceptsAValidIdTokenWithOrWithoutBearer() throws Exception {
        JwtVerifier.Verified verified = verifier().verify("Bearer " + valid());
        assertEquals("u-1", verified.claims().get("sub").asText());
        assertEquals(List.of(), verified.scopes());
        verifier().verify(valid());
        verifier().verify("bearer " + valid());
        Map<String, String> claims = JwtVerifier.claimStrings(verified.claims());
        assertEquals("[a b]", claims.get("cognito:groups"));
        assertEquals("true", claims.get("email_verified"));
        assertEquals(Long.toString(NOW + 3600), claims.get("exp"));
    }

    @Test
    void refusesAValidTokenOfAUserThePoolNoLongerHoldsOrHasDisabled() {
        JwtVerifier pool = new JwtVerifier(ISSUER, Set.of(CLIENT), kid -> kid.equals("k1") ? JwtVerifierTest.pool.getPublic() : null,
                clock, sub -> !sub.equals("u-1"));
        JwtVerifier.Rejected rejected = assertThrows(JwtVerifier.Rejected.class, () -> pool.verify(valid()));
        assertEquals("the user is disabled or deleted", rejected.getMessage());
    }

    @Test
    void acceptsAnAccessTokenByItsClientIdAndReadsItsScopes() throws Exception {
        String payload = "{\"sub\":\"u-1\",\"iss\":\"" + ISSUER + "\",\"client_id\":\"" + CLIENT + "\",\"token_use\":\"access\","
                + "\"scope\":\"aws.cognito.signin.user.admin photos/read\",\"exp\":" + (NOW + 60) + "}";
        JwtVerifier.Verified verified = verifier().verify(sign(pool.getPrivate(), header("RS256", "k1"), payload));
        assertEquals(List.of("aws.cognito.signin.user.admin", "photos/read"), verified.scopes());
    }

    @Test
    void refusesATokenSignedByAnotherKey() {
        rejected(sign(other.getPrivate(), header("RS256", "k1"), idPayload(ISSUER, CLIENT, NOW + 3600)), "signature");
    }

    @Test
    void refusesAnUnknownKeyId() {
        rejected(sign(pool.getPrivate(), header("RS256", "k2"), idPayload(ISSUER, CLIENT, NOW + 3600)), "unknown signing key");
    }

    @Test
    void refusesAnExpiredToken() {
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), idPayload(ISSUER, CLIENT, NOW - 1)), "expired");
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), idPayload(ISSUER, CLIENT, NOW)), "expired");
    }

    @Test
    void refusesATokenFromTheFuture() {
        String payload = "{\"sub\":\"u\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + CLIENT + "\",\"token_use\":\"id\","
                + "\"iat\":" + (NOW + 600) + ",\"exp\":" + (NOW + 3600) + "}";
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), payload), "not valid yet");
        String nbf = payload.replace("\"iat\":" + (NOW + 600), "\"nbf\":" + (NOW + 600));
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), nbf), "not valid yet");
    }

    @Test
    void refusesAlgNone() {
        rejected(part(header("none", "k1")) + "." + part(idPayload(ISSUER, CLIENT, NOW + 3600)) + ".", "not a JWT");
        rejected(part(header("none", "k1")) + "." + part(idPayload(ISSUER, CLIENT, NOW + 3600)) + ".c2ln",
                "unsupported signing algorithm");
    }

    @Test
    void refusesHs256SignedWithThePublicKeyAsSecret() throws Exception {
        RSAPublicKey publicKey = (RSAPublicKey) pool.getPublic();
        for (byte[] secret : List.of(publicKey.getEncoded(), publicKey.getModulus().toByteArray(),
                ("-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey.getEncoded())
                        + "\n-----END PUBLIC KEY-----\n").getBytes(StandardCharsets.US_ASCII))) {
            String input = part(header("HS256", "k1")) + "." + part(idPayload(ISSUER, CLIENT, NOW + 3600));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            rejected(input + "." + URL.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII))),
                    "unsupported signing algorithm");
        }
        rejected(sign(pool.getPrivate(), header("RS512", "k1"), idPayload(ISSUER, CLIENT, NOW + 3600)),
                "unsupported signing algorithm");
    }

    @Test
    void refusesAnotherIssuer() {
        rejected(sign(pool.getPrivate(), header("RS256", "k1"),
                idPayload("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other", CLIENT, NOW + 3600)), "issued");
    }

    @Test
    void refusesAnotherAudience() {
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), idPayload(ISSUER, "someone-else", NOW + 3600)), "audience");
        String accessWithAudOnly = "{\"sub\":\"u\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + CLIENT + "\",\"token_use\":\"access\","
                + "\"exp\":" + (NOW + 60) + "}";
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), accessWithAudOnly), "audience");
        String refresh = "{\"sub\":\"u\",\"iss\":\"" + ISSUER + "\",\"aud\":\"" + CLIENT + "\",\"token_use\":\"refresh\","
                + "\"exp\":" + (NOW + 60) + "}";
        rejected(sign(pool.getPrivate(), header("RS256", "k1"), refresh), "not an ID or access token");
    }

    @Test
    void refusesATamperedPayload() {
        String[] parts = valid().split("\\.");
        String tampered = parts[0] + "." + part(idPayload(ISSUER, CLIENT, NOW + 3600).replace("u-1", "admin")) + "." + parts[2];
        rejected(tampered, "signature");
    }

    @Test
    void refusesGarbage() {
        rejected(null, "no token");
        rejected("", "no token");
        rejected("Bearer ", "no token");
        rejected("garbage", "not a JWT");
        rejected("a.b", "not a JWT");
        rejected("a.b.c.d", "not a JWT");
        rejected("eyJ!!.eyJ.sig", "not a JWT");
        rejected(part("[1,2]") + "." + part("{}") + ".c2ln", "not a JWT");
        rejected(part("{\"alg\":\"RS256\"}") + "." + part("{}") + ".c2ln", "no key id");
        String[] parts = valid().split("\\.");
        rejected(parts[0] + "." + parts[1] + "." + URL.encodeToString(new BigInteger("12345").toByteArray()), "signature");
    }

    @Test
    void jwksKeysAreParsedAndAnUnknownKidRefetchesOnce() throws Exception {
        RSAPublicKey key = (RSAPublicKey) pool.getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
                + URL.encodeToString(unsigned(key.getModulus())) + "\",\"e\":\""
                + URL.encodeToString(unsigned(key.getPublicExponent())) + "\"}]}";
        assertEquals(key, Jwks.parse(jwks).get("k1"));

        AtomicInteger fetches = new AtomicInteger();
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                    + "/us-east-1_pool/.well-known/jwks.json");
            JwtVerifier verifier = new JwtVerifier(ISSUER, Set.of(CLIENT), new Jwks(uri), clock);
            verifier.verify(valid());
            verifier.verify(valid());
            assertEquals(1, fetches.get(), "keys are cached");
            assertThrows(JwtVerifier.Rejected.class, () -> verifier.verify(
                    sign(pool.getPrivate(), header("RS256", "k9"), idPayload(ISSUER, CLIENT, NOW + 3600))));
            assertEquals(1, fetches.get(), "an unknown kid right after a fetch does not fetch again");

            fetches.set(0);
            JwtVerifier eager = new JwtVerifier(ISSUER, Set.of(CLIENT), new Jwks(uri, java.time.Duration.ZERO), clock);
            eager.verify(valid());
            assertEquals(1, fetches.get());
            assertThrows(JwtVerifier.Rejected.class, () -> eager.verify(
                    sign(pool.getPrivate(), header("RS256", "k9"), idPayload(ISSUER, CLIENT, NOW + 3600))));
            assertEquals(2, fetches.get(), "an unknown kid refetches the keys once");
        } finally {
            server.stop(0);
        }
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    @Test
    void theTokenIsReadFromTheIdentitySourcesHeader() {
        assertEquals("Authorization", JwtAuthorizer.header("$request.header.Authorization"));
        assertEquals("X-Token", JwtAuthorizer.header("$request.header.X-Token"));
        assertEquals("Authorization", JwtAuthorizer.header(null));
    }

    @Test
    void theUserPoolIdIsTheIssuersLastSegment() {
        assertEquals("us-east-1_pool", JwtVerifier.userPoolId(ISSUER));
        assertEquals("us-east-1_pool", JwtVerifier.userPoolId(ISSUER + "/"));
    }
}
