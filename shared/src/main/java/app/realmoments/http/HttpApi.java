package app.realmoments.http;

import app.realmoments.account.ClosedAccounts;
import app.realmoments.error.Problem;
import app.realmoments.json.Json;
import app.realmoments.log.Log;
import app.realmoments.log.Metrics;
import app.realmoments.snap.Priming;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The edge of every HTTP function: turns API Gateway's event into an {@link ApiRequest}, calls the
 * function's routes, and is the one place that maps problems to statuses. Anything unexpected is
 * logged with its stack trace and answered with a bare 500 carrying the request id. Every request
 * writes one log line (request id, function, route, caller, moment id, status, duration) and one
 * embedded-metric line (Requests, Errors5xx, ColdStart on a container's first request).
 *
 * <p>A stream handler (docs/cold-start.md): Lambda hands it the raw event and takes the raw answer, so
 * its runtime never loads its own serializer (a second, shaded Jackson) and no bean of API Gateway's
 * event types is introspected; the few fields the API reads are picked out of the stream here. The
 * {@link #handleRequest(APIGatewayV2HTTPEvent, Context)} overload takes the event as an object (tests).
 * Constructing one registers the SnapStart priming of the HTTP and JSON paths ({@link Priming}).
 */
public abstract class HttpApi implements RequestStreamHandler {

    /** api.md: request bodies over 64 KiB are refused. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json",
            "cache-control", "no-store");

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The one route a closed account may still call: asking again to be deleted answers 202 as the first
     * time did (docs/api.md, "Erasure").
     */
    static final String SELF_DELETION = "DELETE /me";

    /** Accounts this container has seen closed: a closure is never undone, so they need no second read. */
    private final Set<String> seenClosed = ConcurrentHashMap.newKeySet();

    private ClosedAccounts closedAccounts;

    protected HttpApi() {
        this(null);
    }

    /**
     * @param closedAccounts the accounts every route refuses (null: the stage's, from {@link Wiring}, on the
     *                       first request with a caller)
     */
    protected HttpApi(ClosedAccounts closedAccounts) {
        this.closedAccounts = closedAccounts;
        if (Priming.enabled()) {
            Priming.register("HTTP API", HttpApi::prime);
        }
    }

    private synchronized ClosedAccounts closedAccounts() {
        if (closedAccounts == null) {
            closedAccounts = Wiring.fromEnvironment().closedAccounts();
        }
        return closedAccounts;
    }

    /**
     * A token stays valid until it expires, whatever happened to its account (API Gateway's JWT authorizer
     * never asks the pool), so a deleted account's tokens are refused here, for every route: one consistent
     * GetItem per request (docs/operating.md, "Erasure").
     */
    private void refuseClosedAccount(ApiRequest request) {
        String caller = request.callerId();
        if (caller == null || caller.isBlank() || SELF_DELETION.equals(request.routeKey())) {
            return;
        }
        if (seenClosed.contains(caller) || closedAccounts().isClosed(caller)) {
            seenClosed.add(caller);
            throw new Problem(Problem.Kind.UNAUTHENTICATED, "account_closed", "this account is closed", null);
        }
    }

    /** Stands for the records routes read and write, for priming Jackson's record paths. */
    record PrimingBody(String name, Integer count, java.util.List<String> tags) {
    }

    /** Handles one call of one of this function's routes ({@code request.routeKey()}, e.g. "GET /me"). */
    protected abstract ApiResponse route(ApiRequest request);

    /** What Lambda calls: API Gateway's payload 2.0 event in, the response event out, as JSON. */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Event event;
        try {
            event = read(input);
        } catch (IOException e) {
            event = null; // not an HTTP API event: a 400 (toRequest)
        }
        write(handle(event, context), output);
    }

    /** The same call with API Gateway's event types, as a RequestHandler would take it. */
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        Answer answer = handle(event == null ? null : Event.of(event), context);
        APIGatewayV2HTTPResponse out = new APIGatewayV2HTTPResponse();
        out.setStatusCode(answer.status());
        out.setHeaders(answer.headers());
        out.setBody(answer.body());
        out.setIsBase64Encoded(false);
        return out;
    }

    /** The fields of API Gateway's payload 2.0 event the API reads. */
    record Event(String routeKey, String body, boolean base64, Map<String, String> pathParameters,
                 Map<String, String> query, String caller, String groups, String idempotencyKey) {

        static Event of(APIGatewayV2HTTPEvent event) {
            var context = event.getRequestContext();
            Map<String, String> claims = context == null || context.getAuthorizer() == null
                    || context.getAuthorizer().getJwt() == null ? null : context.getAuthorizer().getJwt().getClaims();
            return new Event(event.getRouteKey(), event.getBody(), event.getIsBase64Encoded(),
                    event.getPathParameters(), event.getQueryStringParameters(), claims == null ? null : claims.get("sub"),
                    claims == null ? null : claims.get(GROUPS_CLAIM), idempotencyKey(event.getHeaders()));
        }

        /** The Idempotency-Key header among the request's headers, whatever its case; or null. */
        static String idempotencyKey(Map<String, String> headers) {
            String key = null;
            if (headers != null) {
                for (Map.Entry<String, String> header : headers.entrySet()) {
                    if (header.getKey().equalsIgnoreCase(IDEMPOTENCY_KEY)) {
                        key = header.getValue();
                    }
                }
            }
            return key;
        }
    }

    /** The Cognito groups claim; API Gateway's JWT authorizer hands an array claim over as "[a b]". */
    static final String GROUPS_CLAIM = "cognito:groups";

    /** The one request header the API reads (API Gateway hands header names over in lower case). */
    static final String IDEMPOTENCY_KEY = "idempotency-key";

    /** The response event: status, headers, JSON body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    /**
     * Picks routeKey, body, isBase64Encoded, path and query parameters, the JWT's sub and groups and
     * the Idempotency-Key header; skips the rest.
     */
    static Event read(InputStream input) throws IOException {
        String routeKey = null;
        String body = null;
        boolean base64 = false;
        Map<String, String> path = null;
        Map<String, String> query = null;
        Map<String, String> claims = Map.of();
        String idempotencyKey = null;
        try (JsonParser parser = JSON.createParser(input)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "routeKey" -> routeKey = text(parser, value);
                    case "body" -> body = text(parser, value);
                    case "isBase64Encoded" -> base64 = value == JsonToken.VALUE_TRUE;
                    case "pathParameters" -> path = strings(parser, value);
                    case "queryStringParameters" -> query = strings(parser, value);
                    case "requestContext" -> claims = claims(parser, value, 0);
                    case "headers" -> idempotencyKey = Event.idempotencyKey(strings(parser, value));
                    default -> parser.skipChildren();
                }
            }
        }
        return new Event(routeKey, body, base64, path, query, claims.get("sub"), claims.get(GROUPS_CLAIM), idempotencyKey);
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!value.isScalarValue()) {
            parser.skipChildren();
            return null;
        }
        return parser.getText();
    }

    private static Map<String, String> strings(JsonParser parser, JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        Map<String, String> out = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String text = text(parser, parser.nextToken());
            if (text != null) {
                out.put(name, text);
            }
        }
        return out;
    }

    /** requestContext.authorizer.jwt.claims: depth 0 is requestContext, 2 is jwt. */
    private static Map<String, String> claims(JsonParser parser, JsonToken value, int depth) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Map.of();
        }
        String[] path = {"authorizer", "jwt", "claims"};
        Map<String, String> found = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken next = parser.nextToken();
            if (!name.equals(path[depth])) {
                parser.skipChildren();
            } else if (depth == 2) {
                Map<String, String> claims = strings(parser, next);
                found = claims == null ? Map.of() : claims;
            } else {
                found = claims(parser, next, depth + 1);
            }
        }
        return found;
    }

    static void write(Answer answer, OutputStream output) throws IOException {
        try (JsonGenerator out = JSON.createGenerator(output)) {
            out.writeStartObject();
            out.writeNumberField("statusCode", answer.status());
            out.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : new TreeMap<>(answer.headers()).entrySet()) {
                out.writeStringField(header.getKey(), header.getValue());
            }
            out.writeEndObject();
            out.writeStringField("body", answer.body());
            out.writeBooleanField("isBase64Encoded", false);
            out.writeEndObject();
        }
    }

    /**
     * SnapStart priming: the request, JSON and logging paths with a synthetic event that names no user
     * and reaches no route, so no storage is touched; its log lines are not written.
     */
    static void prime() {
        byte[] event = ("{\"routeKey\":\"GET /__priming\",\"pathParameters\":{\"momentId\":\"x\"},"
                + "\"queryStringParameters\":{\"limit\":\"1\"},\"requestContext\":{\"authorizer\":{\"jwt\":"
                + "{\"claims\":{\"sub\":\"priming\"}}}},\"body\":\"{}\",\"isBase64Encoded\":false}")
                .getBytes(StandardCharsets.UTF_8);
        try {
            Event parsed = read(new java.io.ByteArrayInputStream(event));
            ApiRequest request = toRequest(parsed, "priming");
            request.limit();
            Answer answer = toAnswer(error(404, "not_found", "priming", null, "priming"));
            write(answer, java.io.OutputStream.nullOutputStream());
            Json.write(fields(parsed, request, "priming", "priming", 200, System.nanoTime()));
            Json.write(request.body(PrimingBody.class));
            Json.write(new PrimingBody("priming", 1, java.util.List.of("priming")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer handle(Event event, Context context) {
        long started = System.nanoTime();
        String requestId = context == null ? null : context.getAwsRequestId();
        String function = context == null ? null : context.getFunctionName();
        Metrics metrics = Metrics.of(function).coldStart().count("Requests", 1);
        ApiRequest request = null;
        ApiResponse response;
        try {
            request = toRequest(event, requestId);
            refuseClosedAccount(request);
            response = route(request);
        } catch (Problem problem) {
            response = error(problem.kind().status, problem.code(), problem.getMessage(), problem.field(), null);
            if (problem.retryAfterSeconds() > 0) {
                response = response.withHeader("retry-after", Long.toString(problem.retryAfterSeconds()));
            }
        } catch (RuntimeException unexpected) {
            Problem busy = fromTheSdk(unexpected) ? SdkFailures.problem(unexpected) : null;
            if (busy != null) {
                Log.info("request throttled by AWS", fields(event, request, function, requestId, 429, started));
                metrics.count("Throttled", 1).emit();
                return toAnswer(error(429, busy.code(), busy.getMessage(), null, null)
                        .withHeader("retry-after", Long.toString(busy.retryAfterSeconds())));
            }
            Log.error("unexpected error", fields(event, request, function, requestId, 500, started), unexpected);
            metrics.count("Errors5xx", 1).emit();
            return toAnswer(error(500, "internal", "something went wrong on our side", null, requestId));
        }
        Log.info("request handled", fields(event, request, function, requestId, response.status(), started));
        metrics.count("Errors5xx", response.status() >= 500 ? 1 : 0).emit();
        return toAnswer(response);
    }

    /** Whether the failure, or one of its causes, is the AWS SDK's (only then is the SDK loaded to read it). */
    private static boolean fromTheSdk(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e.getClass().getName().startsWith("software.amazon.awssdk.")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> fields(Event event, ApiRequest request, String function,
                                              String requestId, int status, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("function", function);
        fields.put("route", event == null ? null : event.routeKey());
        fields.put("userId", request == null ? null : request.callerId());
        fields.put("momentId", momentIdOf(event));
        fields.put("status", status);
        fields.put("outcome", status >= 500 ? "error" : status >= 400 ? "refused" : "ok");
        fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }

    /** The {momentId} of routes that have one, so one query finds every request about a moment. */
    private static String momentIdOf(Event event) {
        Map<String, String> path = event == null ? null : event.pathParameters();
        return path == null ? null : path.get("momentId");
    }

    static ApiRequest toRequest(Event event, String requestId) {
        if (event == null) {
            throw Problem.invalid(null, "empty request");
        }
        String body = event.body();
        if (body != null && event.base64()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(null, "the body is not valid base64");
            }
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new Problem(Problem.Kind.TOO_LARGE, "payload_too_large", "request bodies are limited to 64 KiB", null);
        }
        // the caller is the JWT authorizer's verified sub: API Gateway (or the dev runtime) checked the token
        return new ApiRequest(event.routeKey(), event.caller(), event.pathParameters(), event.query(), body,
                requestId, event.idempotencyKey(), ApiRequest.groups(event.groups()));
    }

    private static ApiResponse error(int status, String code, String message, String field, String requestId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("code", code);
        detail.put("message", message);
        if (field != null) {
            detail.put("field", field);
        }
        if (requestId != null) {
            detail.put("requestId", requestId);
        }
        return new ApiResponse(status, Map.of("error", detail), Map.of());
    }

    private static Answer toAnswer(ApiResponse response) {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.putAll(response.headers());
        return new Answer(response.status(), headers, response.body() == null ? "" : Json.write(response.body()));
    }

    /** The answer for a route this function does not serve (a template and code out of step). */
    protected static Problem unknownRoute(ApiRequest request) {
        return new Problem(Problem.Kind.NOT_FOUND, "not_found", "no route " + request.routeKey(), null);
    }
}
