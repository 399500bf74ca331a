package app.realmoments.functions.notifications;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.config.Environment;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.id.Ids;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.notify.dynamo.DynamoInbox;
import app.realmoments.notify.dynamo.DynamoNotificationSettingsStore;
import app.realmoments.notify.InboxService;
import app.realmoments.notify.NotificationSettingsService;
import app.realmoments.notify.sns.SnsPushGateway;
import app.realmoments.page.Cursors;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /notifications}, {@code POST /notifications/read}, {@code POST /me/devices},
 * {@code DELETE /me/devices/{deviceId}}, {@code GET/PUT /me/notification-settings}.
 */
public final class NotificationsApi extends HttpApi {

    private final InboxService inbox;
    private final DeviceService devices;
    private final NotificationSettingsService settings;

    public NotificationsApi() {
        this(AwsClients.fromEnvironment());
    }

    private NotificationsApi(AwsClients aws) {
        this(aws, DynamoClients.create(aws), Environment.require("USERS_TABLE"));
    }

    private NotificationsApi(AwsClients aws, DynamoDbClient dynamo, String users) {
        this(new InboxService(new DynamoInbox(dynamo, Environment.require("NOTIFICATIONS_TABLE")),
                        Cursors.fromEnvironment()),
                new DeviceService(new DynamoDeviceStore(dynamo, users), SnsPushGateway.fromEnvironment(aws), new Ids(), Clock.systemUTC()),
                new NotificationSettingsService(new DynamoNotificationSettingsStore(dynamo, users)));
    }

    public NotificationsApi(InboxService inbox, DeviceService devices, NotificationSettingsService settings) {
        this.inbox = inbox;
        this.devices = devices;
        this.settings = settings;
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
            case "POST /me/devices" -> {
                DeviceService.Registered registered = devices.register(caller, request.body(DeviceService.Registration.class));
                yield registered.created() ? ApiResponse.created(registered.device()) : ApiResponse.ok(registered.device());
            }
            case "DELETE /me/devices/{deviceId}" -> {
                devices.remove(caller, request.path("deviceId"));
                yield ApiResponse.noContent();
            }
            case "GET /me/notification-settings" -> ApiResponse.ok(settings.get(caller));
            case "PUT /me/notification-settings" ->
                    ApiResponse.ok(settings.put(caller, request.body(NotificationSettingsService.Update.class)));
            default -> throw unknownRoute(request);
        };
    }
}
