package app.realmoments.functions.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.http.TestContext;
import app.realmoments.testing.Events;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

class HealthApiTest {

    @Test
    void healthAnswersOkWithoutAToken() {
        APIGatewayV2HTTPResponse response = new HealthApi().handleRequest(
                Events.load("health-get.json", APIGatewayV2HTTPEvent.class), new TestContext("r1"));
        assertEquals(200, response.getStatusCode());
        assertEquals("{\"status\":\"ok\"}", response.getBody());
        assertTrue(Events.toJson(response).contains("\"statusCode\":200"));
    }
}
