package app.realmoments.functions.accountapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.account.AccountClosing;
import app.realmoments.testing.InMemoryClosedAccounts;
import app.realmoments.account.ErasureJob;
import app.realmoments.account.UserDirectory;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DELETE /me: 202 at once, the account closed, disabled and queued; asking again is 202 and queues again. */
class AccountApiTest {

    private final List<String> disabled = new ArrayList<>();
    private final List<ErasureJob> queued = new ArrayList<>();
    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    private final InMemoryClosedAccounts accounts = new InMemoryClosedAccounts();;

    private final UserDirectory directory = new UserDirectory() {
        @Override
        public void disable(String userId) {
            disabled.add(userId);
        }

        @Override
        public void delete(String userId) {
            throw new AssertionError("the eraser deletes, last");
        }
    };

    private final AccountApi api = new AccountApi(new AccountClosing(accounts, directory, (job, delay) -> queued.add(job),
            Duration.ofMinutes(60), Clock.fixed(now, ZoneOffset.UTC)), accounts);

    private APIGatewayV2HTTPResponse call(String route, String caller) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRouteKey(route);
        var context = new APIGatewayV2HTTPEvent.RequestContext();
        var authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
        var jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
        jwt.setClaims(Map.of("sub", caller));
        authorizer.setJwt(jwt);
        context.setAuthorizer(authorizer);
        event.setRequestContext(context);
        return api.handleRequest(event, null);
    }

    @Test
    void deleteMeAnswers202AndStartsTheErasure() {
        APIGatewayV2HTTPResponse response = call("DELETE /me", "ana");

        assertEquals(202, response.getStatusCode());
        assertEquals("{\"status\":\"deleting\"}", response.getBody());
        assertEquals(Set.of("ana"), accounts.users());
        assertEquals(now.plus(Duration.ofMinutes(60)), accounts.until("ana"));
        assertEquals(List.of("ana"), disabled);
        assertEquals(List.of(ErasureJob.of("ana")), queued);
    }

    @Test
    void askingAgainIs202AndQueuesAgain() {
        call("DELETE /me", "ana");
        APIGatewayV2HTTPResponse again = call("DELETE /me", "ana");

        assertEquals(202, again.getStatusCode());
        assertEquals(2, queued.size(), "a lost first job is queued again; the walk finds what is left");
    }
}
