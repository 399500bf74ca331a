package app.realmoments.functions.profileapi;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.profile.ProfileService;
import app.realmoments.profile.ProfileUpdate;
import app.realmoments.profile.ProfileView;
import app.realmoments.wiring.Wiring;

/** {@code GET /me}, {@code PUT /me}. */
public final class ProfileApi extends HttpApi {

    private final ProfileService profiles;

    public ProfileApi() {
        this(Wiring.fromEnvironment());
    }

    private ProfileApi(Wiring wiring) {
        this(new ProfileService(wiring.profiles(), wiring.clock()));
    }

    public ProfileApi(ProfileService profiles) {
        this.profiles = profiles;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /me" -> ApiResponse.ok(ProfileView.of(profiles.me(request.caller())));
            case "PUT /me" -> {
                String caller = request.caller();
                yield ApiResponse.ok(ProfileView.of(profiles.update(caller, request.body(ProfileUpdate.class))));
            }
            default -> throw unknownRoute(request);
        };
    }
}
