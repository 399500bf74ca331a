package app.realmoments.functions.notificationsapi;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.notify.DeviceService;
import app.realmoments.notify.InboxService;
import app.realmoments.notify.NotificationSettingsService;
import app.realmoments.wiring.Wiring;

/**
 * {@code GET /notifications}, {@code POST /notifications/read}, {@code POST /me/devices},
 * {@code DELETE /me/devices/{deviceId}}, {@code GET/PUT /me/notification-settings}.
 */
public final class NotificationsApi extends HttpApi {

    private final InboxService inbox;
    private final DeviceService devices;
    private final NotificationSettingsService settings;

    public NotificationsApi() {
        this(Wiring.fromEnvironment());
    }

    private NotificationsApi(Wiring wiring) {
        this(new InboxService(wiring.inbox(), wiring.cursors(), wiring.socialGraph()),
                new DeviceService(wiring.devices(), wiring.push(), wiring.ids(), wiring.clock(), wiring.quotas()),
                new NotificationSettingsService(wiring.notificationSettings()));
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
