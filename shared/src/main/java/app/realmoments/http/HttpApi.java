package app.realmoments.http;

import app.realmoments.error.Problem;
import app.realmoments.json.Json;
import app.realmoments.log.Log;
import app.realmoments.log.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The edge of every HTTP function: turns API Gateway's event into an {@link ApiRequest}, calls the
 * function's routes, and is the one place that maps problems to statuses. Anything unexpected is
 * logged with its stack trace and answered with a bare 500 carrying the request id. Every request
 * writes one log line (request id, function, route, caller, moment id, status, duration) and one
 * embedded-metric line (Requests, Errors5xx, ColdStart on a container's first request).
 */
public abstract class HttpApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** api.md: request bodies over 64 KiB are refused. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Map<String, String> JSON_HEADERS = Map.of(
            "content-type", "application/json",
            "cache-control", "no-store");

    /** Handles one call of one of this function's routes ({@code request.routeKey()}, e.g. "GET /me"). */
    protected abstract ApiResponse route(ApiRequest request);

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        String requestId = context == null ? null : context.getAwsRequestId();
        String function = context == null ? null : context.getFunctionName();
        Metrics metrics = Metrics.of(function).coldStart().count("Requests", 1);
        ApiRequest request = null;
        ApiResponse response;
        try {
            request = toRequest(event, requestId);
            response = route(request);
        } catch (Problem problem) {
            response = error(problem.kind().status, problem.code(), problem.getMessage(), problem.field(), null);
        } catch (RuntimeException unexpected) {
            Log.error("unexpected error", fields(event, request, function, requestId, 500, started), unexpected);
            metrics.count("Errors5xx", 1).emit();
            return toEvent(error(500, "internal", "something went wrong on our side", null, requestId));
        }
        Log.info("request handled", fields(event, request, function, requestId, response.status(), started));
        metrics.count("Errors5xx", response.status() >= 500 ? 1 : 0).emit();
        return toEvent(response);
    }

    private static Map<String, Object> fields(APIGatewayV2HTTPEvent event, ApiRequest request, String function,
                                              String requestId, int status, long started) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", requestId);
        fields.put("function", function);
        fields.put("route", event == null ? null : event.getRouteKey());
        fields.put("userId", request == null ? null : request.callerId());
        fields.put("momentId", momentIdOf(event));
        fields.put("status", status);
        fields.put("outcome", status >= 500 ? "error" : status >= 400 ? "refused" : "ok");
        fields.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        return fields;
    }

    /** The {momentId} of routes that have one, so one query finds every request about a moment. */
    private static String momentIdOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> path = event == null ? null : event.getPathParameters();
        return path == null ? null : path.get("momentId");
    }

    static ApiRequest toRequest(APIGatewayV2HTTPEvent event, String requestId) {
        if (event == null) {
            throw Problem.invalid(null, "empty request");
        }
        String body = event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid(null, "the body is not valid base64");
            }
        }
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new Problem(Problem.Kind.TOO_LARGE, "payload_too_large", "request bodies are limited to 64 KiB", null);
        }
        return new ApiRequest(event.getRouteKey(), callerOf(event), event.getPathParameters(),
                event.getQueryStringParameters(), body, requestId);
    }

    /** The JWT authorizer's verified {@code sub}; API Gateway (or the dev runtime) checked the token. */
    private static String callerOf(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null) {
            return null;
        }
        Map<String, String> claims = context.getAuthorizer().getJwt().getClaims();
        return claims == null ? null : claims.get("sub");
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

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response) {
        Map<String, String> headers = new HashMap<>(JSON_HEADERS);
        headers.putAll(response.headers());
        APIGatewayV2HTTPResponse out = new APIGatewayV2HTTPResponse();
        out.setStatusCode(response.status());
        out.setHeaders(headers);
        out.setBody(response.body() == null ? "" : Json.write(response.body()));
        out.setIsBase64Encoded(false);
        return out;
    }

    /** The answer for a route this function does not serve (a template and code out of step). */
    protected static Problem unknownRoute(ApiRequest request) {
        return new Problem(Problem.Kind.NOT_FOUND, "not_found", "no route " + request.routeKey(), null);
    }
}
