package app.realmoments.functions.campusapi;

import app.realmoments.campus.CampusService;
import app.realmoments.campus.CampusUpdate;
import app.realmoments.campus.CampusVerification;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.profile.ProfileView;
import app.realmoments.wiring.Wiring;

/**
 * The campus registry and membership: {@code GET /campuses}; for the Cognito group {@code admins},
 * {@code PUT /admin/campuses/{campusId}} and {@code PUT /admin/campuses/{campusId}/members/{userId}};
 * {@code POST /me/campus/verification}, {@code POST /me/campus/verification/confirm},
 * {@code DELETE /me/campus}.
 */
public final class CampusApi extends HttpApi {

    static final String ADMINS = "admins";

    private final CampusService campuses;
    private final CampusVerification verification;

    public CampusApi() {
        this(Wiring.fromEnvironment());
    }

    private CampusApi(Wiring wiring) {
        this(new CampusService(wiring.campusRegistry(), wiring.membership(), wiring.profiles(), wiring.cursors(),
                        wiring.clock()),
                new CampusVerification(wiring.campusRegistry(), wiring.membership(), wiring.profiles(), wiring.mailer(),
                        wiring.verificationCodes(), wiring.quotas(), wiring.ids(), wiring.clock()));
    }

    public CampusApi(CampusService campuses, CampusVerification verification) {
        this.campuses = campuses;
        this.verification = verification;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /campuses" -> {
                request.caller();
                yield ApiResponse.ok(campuses.list(request.limit(), request.queryParam("cursor")));
            }
            case "PUT /admin/campuses/{campusId}" -> {
                request.callerIn(ADMINS);
                CampusService.Saved saved = campuses.put(request.path("campusId"), request.body(CampusUpdate.class));
                yield saved.created() ? ApiResponse.created(saved.campus()) : ApiResponse.ok(saved.campus());
            }
            case "PUT /admin/campuses/{campusId}/members/{userId}" -> {
                request.callerIn(ADMINS);
                campuses.grant(request.path("campusId"), request.path("userId"));
                yield ApiResponse.noContent();
            }
            case "POST /me/campus/verification" -> {
                String caller = request.caller();
                yield ApiResponse.accepted(verification.start(caller, request.body(CampusVerification.Request.class)));
            }
            case "POST /me/campus/verification/confirm" -> {
                String caller = request.caller();
                yield ApiResponse.ok(ProfileView.of(
                        verification.confirm(caller, request.body(CampusVerification.Confirmation.class))));
            }
            case "DELETE /me/campus" -> {
                verification.leave(request.caller());
                yield ApiResponse.noContent();
            }
            default -> throw unknownRoute(request);
        };
    }
}
