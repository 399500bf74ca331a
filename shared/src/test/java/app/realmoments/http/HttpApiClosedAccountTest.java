package app.realmoments.http;

import app.realmoments.testing.InMemoryClosedAccounts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every route refuses a closed account's still-valid token; DELETE /me still answers; a closure is read once. */
class HttpApiClosedAccountTest {

    private final InMemoryClosedAccounts accounts = new InMemoryClosedAccounts();
    private final AtomicInteger routed = new AtomicInteger();

    private final HttpApi api = new HttpApi(accounts) {
        @Override
        protected ApiResponse route(ApiRequest request) {
            routed.incrementAndGet();
            return ApiResponse.ok(Map.of("caller", request.caller()));
        }
    };

    private APIGatewayV2HTTPResponse call(String route, String caller) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(route);
        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        if (caller != null) {
            var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(Map.of("sub", caller));
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return api.handleRequest(event, new TestContext("req-1"));
    }

    @Test
    void anOpenAccountIsServedAfterOneRead() {
        assertEquals(200, call("GET /feed", "ana").getStatusCode());
        assertEquals(1, accounts.reads());
    }

    @Test
    void aClosedAccountGets401OnEveryRouteButDeleteMe() {
        accounts.close("ana", Instant.MAX);
        for (String route : new String[]{"GET /me", "PUT /me", "POST /moments", "POST /friends/requests", "GET /feed"}) {
            APIGatewayV2HTTPResponse response = call(route, "ana");
            assertEquals(401, response.getStatusCode(), route);
            assertTrue(response.getBody().contains("\"account_closed\""), response.getBody());
        }
        assertEquals(0, routed.get(), "no route ran");
        assertEquals(200, call("DELETE /me", "ana").getStatusCode(), "asking again is answered by the route");
        assertEquals(1, accounts.reads(), "a closure is read once per container");
        assertEquals(200, call("GET /me", "bob").getStatusCode(), "others are served");
    }

    @Test
    void aCallWithoutACallerIsNotChecked() {
        call("GET /health", null);
        assertEquals(0, accounts.reads());
    }
}
