package app.realmoments.page;

import app.realmoments.error.Problem;
import app.realmoments.id.HmacSha256;
import app.realmoments.json.Json;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * Opaque, tamper-evident list cursors: the storage position as base64url JSON plus an HMAC-SHA256
 * over it and the list it belongs to. An edited cursor, or one from another list or user, is a 400.
 */
public final class Cursors {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Type POSITION = Json.mapOf(String.class);

    private final HmacSha256 hmac;

    public Cursors(String signingKey) {
        if (signingKey == null || signingKey.length() < 32) {
            throw new IllegalStateException("the cursor signing key must have at least 32 characters");
        }
        this.hmac = new HmacSha256(signingKey);
    }

    /** {@code scope} names the list and its owner (e.g. "feed:USER#01J..."): a cursor only works there. */
    public String encode(String scope, Map<String, String> position) {
        if (position == null || position.isEmpty()) {
            return null;
        }
        String payload = ENCODER.encodeToString(Json.write(position).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(scope, payload));
    }

    /** The position a cursor stands for, or null for no cursor (the first page). */
    public Map<String, String> decode(String scope, String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        int dot = cursor.indexOf('.');
        if (dot <= 0 || dot != cursor.lastIndexOf('.') || cursor.length() > 2048) {
            throw invalid();
        }
        String payload = cursor.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(cursor.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(scope, payload))) {
                throw invalid();
            }
            return position(new String(DECODER.decode(payload), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** The signed payload as a map of strings (signed by us, so anything else is a bug: invalid). */
    @SuppressWarnings("unchecked")
    private Map<String, String> position(String json) {
        if (!(Json.read(json, POSITION) instanceof Map<?, ?> position)) {
            throw invalid();
        }
        return (Map<String, String>) position;
    }

    private byte[] mac(String scope, String payload) {
        return hmac.of(scope, payload);
    }

    private static Problem invalid() {
        return Problem.invalid("cursor", "the cursor is not valid for this list");
    }
}
