package app.realmoments.functions.notifications;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.config.Environment;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.notify.DynamoInbox;
import app.realmoments.notify.InboxService;
import app.realmoments.page.Cursors;

/** {@code GET /notifications}, {@code POST /notifications/read}. */
public final class NotificationsApi extends HttpApi {

    private final InboxService inbox;

    public NotificationsApi() {
        this(new InboxService(
                new DynamoInbox(DynamoClients.create(AwsClients.fromEnvironment()), Environment.require("NOTIFICATIONS_TABLE")),
                new Cursors(Environment.require("CURSOR_SIGNING_KEY"))));
    }

    public NotificationsApi(InboxService inbox) {
        this.inbox = inbox;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "GET /notifications" ->
                    ApiResponse.ok(inbox.list(caller, request.limit(), request.queryParam("cursor")));
            case "POST /notifications/read" -> {
                inbox.markRead(caller, request.body(InboxService.MarkRead.class));
                yield ApiResponse.noContent();
            }
            default -> throw unknownRoute(request);
        };
    }
}
