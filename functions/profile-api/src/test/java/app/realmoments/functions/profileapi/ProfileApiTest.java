package app.realmoments.functions.profileapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.http.TestContext;
import app.realmoments.profile.ProfileService;
import app.realmoments.testing.Events;
import app.realmoments.testing.InMemoryProfileStore;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ProfileApiTest {

    private final ProfileApi api = new ProfileApi(new ProfileService(new InMemoryProfileStore(), Clock.systemUTC()));

    @Test
    void putThenGetMe() {
        APIGatewayV2HTTPEvent get = Events.load("me-get.json", APIGatewayV2HTTPEvent.class);
        assertEquals(404, api.handleRequest(get, new TestContext("r0")).getStatusCode(), "no profile yet");

        APIGatewayV2HTTPResponse put = api.handleRequest(Events.load("me-put.json", APIGatewayV2HTTPEvent.class), new TestContext("r1"));
        assertEquals(200, put.getStatusCode(), put.getBody());

        APIGatewayV2HTTPResponse me = api.handleRequest(get, new TestContext("r2"));
        assertEquals(200, me.getStatusCode());
        assertEquals(put.getBody(), me.getBody());
        assertTrue(me.getBody().contains("\"userId\":\"" + get.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub")));
    }

    @Test
    void aWrongTypeIsA400NamingTheField() {
        APIGatewayV2HTTPEvent put = Events.load("me-put.json", APIGatewayV2HTTPEvent.class);
        put.setBody("{\"handle\":42,\"displayName\":\"Ana\"}");
        APIGatewayV2HTTPResponse response = api.handleRequest(put, new TestContext("r3"));
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("\"field\":\"handle\""), response.getBody());
    }
}
