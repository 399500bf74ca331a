package app.realmoments.functions.health;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import java.util.Map;

/** {@code GET /health}: the one route without a token; it touches no storage. */
public final class HealthApi extends HttpApi {

    private static final Map<String, String> OK = Map.of("status", "ok");

    @Override
    protected ApiResponse route(ApiRequest request) {
        if (!"GET /health".equals(request.routeKey())) {
            throw unknownRoute(request);
        }
        return ApiResponse.ok(OK);
    }
}
