package app.realmoments.runtime;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test tokens (RS256 with a given key, HS256, or none). */
final class TestJwts {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private TestJwts() {
    }

    static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String rs256(PrivateKey key, String kid, String payloadJson) {
        String signingInput = part("{\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + part(payloadJson);
        return signingInput + "." + URL.encodeToString(sign(key, signingInput));
    }

    /** Re-signs the header and payload parts of a token with another key. */
    static String resign(String token, PrivateKey key) {
        String[] parts = token.split("\\.");
        String signingInput = parts[0] + "." + parts[1];
        return signingInput + "." + URL.encodeToString(sign(key, signingInput));
    }

    static byte[] sign(PrivateKey key, String signingInput) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hs256(byte[] secret, String kid, String payloadJson) {
        try {
            String signingInput = part("{\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"typ\":\"JWT\"}") + "." + part(payloadJson);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String none(String kid, String payloadJson) {
        return part("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + part(payloadJson) + ".";
    }
}
