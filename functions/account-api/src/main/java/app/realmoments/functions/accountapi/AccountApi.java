package app.realmoments.functions.accountapi;

import app.realmoments.account.AccountClosing;
import app.realmoments.account.ClosedAccounts;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.wiring.Wiring;

/** {@code DELETE /me}: 202 at once; the account eraser does the work (docs/operating.md, "Erasure"). */
public final class AccountApi extends HttpApi {

    private final AccountClosing closing;

    public AccountApi() {
        this(Wiring.fromEnvironment());
    }

    private AccountApi(Wiring wiring) {
        this(new AccountClosing(wiring.closedAccounts(), wiring.userDirectory(), wiring.erasureQueue(),
                wiring.tokenLifetime(), wiring.clock()), wiring.closedAccounts());
    }

    public AccountApi(AccountClosing closing, ClosedAccounts closedAccounts) {
        super(closedAccounts);
        this.closing = closing;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "DELETE /me" -> ApiResponse.accepted(closing.close(request.caller()));
            default -> throw unknownRoute(request);
        };
    }
}
