package app.realmoments.runtime.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * API Gateway HTTP API payload format 2.0: the event a request becomes, and how the function's answer
 * becomes the HTTP response.
 */
public final class HttpEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private HttpEvents() {
    }

    /** A request as it arrived. Header names in any case; several values of one header in order. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String sourceIp, String protocol) {
    }

    /** The gateway's side of the request: ids and the time it arrived. */
    public record Gateway(String accountId, String apiId, String requestId, Instant time) {
    }

    /** The HTTP answer to send. */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /** The function's answer could not be mapped to HTTP (API Gateway: 500 Internal Server Error). */
    public static final class MalformedResponse extends Exception {
        public MalformedResponse(String message) {
            super(message);
        }
    }

    /** The v2.0 event for a matched request; {@code auth} null on a public route. */
    public static ObjectNode request(Request request, RouteTable.Match match, JwtVerifier.Verified auth,
                                     Gateway gateway) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
                return;
            }
            String joined = String.join(",", values);
            headers.merge(lower, joined, (a, b) -> a + "," + b);
        });
        if (!cookies.isEmpty()) {
            ArrayNode array = event.putArray("cookies");
            cookies.forEach(array::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            query.forEach(queryNode::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", gateway.accountId());
        context.put("apiId", gateway.apiId());
        if (auth != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            ObjectNode claims = jwt.putObject("claims");
            JwtVerifier.claimStrings(auth.claims()).forEach(claims::put);
            if (auth.scopes().isEmpty()) {
                jwt.putNull("scopes");
            } else {
                ArrayNode scopes = jwt.putArray("scopes");
                auth.scopes().forEach(scopes::add);
            }
        }
        String host = headers.getOrDefault("host", "localhost");
        String domain = host.contains(":") && !host.startsWith("[") ? host.substring(0, host.indexOf(':')) : host;
        context.put("domainName", domain);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method().toUpperCase(Locale.ROOT));
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        context.put("requestId", gateway.requestId());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", TIME.format(gateway.time()));
        context.put("timeEpoch", gateway.time().toEpochMilli());

        if (!match.pathParameters().isEmpty()) {
            ObjectNode path = event.putObject("pathParameters");
            match.pathParameters().forEach(path::put);
        }
        byte[] body = request.body();
        boolean base64 = false;
        if (body != null && body.length > 0) {
            String text = isText(headers.get("content-type")) ? utf8(body) : null;
            if (text == null) {
                base64 = true;
                event.put("body", Base64.getEncoder().encodeToString(body));
            } else {
                event.put("body", text);
            }
        }
        event.put("isBase64Encoded", base64);
        return event;
    }

    /** queryStringParameters: decoded, a repeated key's values joined with commas. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.merge(key, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    /** Text content types travel as text; anything else base64-encoded. No type: text if it is UTF-8. */
    static boolean isText(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/graphql");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException binary) {
            return null;
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    /**
     * Maps the function's JSON answer to HTTP as API Gateway does for format 2.0: an object with a
     * statusCode is used as is (headers, cookies, body, isBase64Encoded); any other valid JSON is a
     * 200 application/json whose body is that JSON (a JSON string: its text).
     */
    public static Response response(String output) throws MalformedResponse {
        JsonNode node;
        try {
            node = JSON.readTree(output);
        } catch (Exception e) {
            throw new MalformedResponse("the function's answer is not JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedResponse("the function returned nothing");
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        if (!node.isObject() || !node.has("statusCode")) {
            headers.add(Map.entry("content-type", "application/json"));
            String body = node.isTextual() ? node.asText() : node.isNull() ? "" : node.toString();
            return new Response(200, headers, body.getBytes(StandardCharsets.UTF_8));
        }
        JsonNode status = node.get("statusCode");
        if (!status.canConvertToInt() || status.asInt() < 100 || status.asInt() > 599
                || (status.isTextual() && !status.asText().matches("\\d{3}"))) {
            throw new MalformedResponse("statusCode is not an HTTP status: " + status);
        }
        int code = status.isTextual() ? Integer.parseInt(status.asText()) : status.asInt();
        JsonNode headerNode = node.get("headers");
        if (headerNode != null && !headerNode.isNull()) {
            if (!headerNode.isObject()) {
                throw new MalformedResponse("headers is not an object");
            }
            for (var entry : headerNode.properties()) {
                JsonNode value = entry.getValue();
                if (value.isNull()) {
                    continue;
                }
                if (!value.isValueNode()) {
                    throw new MalformedResponse("header " + entry.getKey() + " is not a string");
                }
                headers.add(Map.entry(entry.getKey().toLowerCase(Locale.ROOT), value.asText()));
            }
        }
        JsonNode cookies = node.get("cookies");
        if (cookies != null && !cookies.isNull()) {
            if (!cookies.isArray()) {
                throw new MalformedResponse("cookies is not a list");
            }
            cookies.forEach(cookie -> headers.add(Map.entry("set-cookie", cookie.asText())));
        }
        JsonNode bodyNode = node.get("body");
        byte[] body = new byte[0];
        if (bodyNode != null && !bodyNode.isNull()) {
            if (!bodyNode.isTextual()) {
                throw new MalformedResponse("body is not a string");
            }
            boolean base64 = node.path("isBase64Encoded").asBoolean(false);
            try {
                body = base64 ? Base64.getDecoder().decode(bodyNode.asText())
                        : bodyNode.asText().getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new MalformedResponse("isBase64Encoded but the body is not base64");
            }
        }
        return new Response(code, headers, body);
    }
}
