package app.realmoments.functions.momentsapi;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.moment.Memories;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.NewMoment;
import app.realmoments.prompt.DailyPrompt;
import app.realmoments.wiring.Wiring;

/** {@code POST /moments}, {@code GET|DELETE /moments/{momentId}}, {@code GET /users/{userId}/moments} (memories). */
public final class MomentsApi extends HttpApi {

    private final MomentService moments;
    private final Memories memories;

    public MomentsApi() {
        this(Wiring.fromEnvironment());
    }

    private MomentsApi(Wiring wiring) {
        this(new MomentService(wiring.moments(), wiring.media(), wiring.profiles(),
                        new MomentVisibility(wiring.socialGraph(), wiring.profiles()), views(wiring),
                        new DailyPrompt(wiring.prompts(), wiring.inbox(), wiring.profiles(), wiring.moments(), wiring.campusTimeZones(),
                                false, wiring.clock()),
                        wiring.ids(), wiring.clock(), wiring.quotas()),
                new Memories(wiring.moments(), wiring.profiles(), wiring.socialGraph(), views(wiring), wiring.cursors()));
    }

    public MomentsApi(MomentService moments, Memories memories) {
        this.moments = moments;
        this.memories = memories;
    }

    private static MomentViews views(Wiring wiring) {
        return new MomentViews(wiring.media(), wiring.interactions());
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "POST /moments" -> ApiResponse.created(moments.start(caller, request.body(NewMoment.class),
                    request.idempotencyKey()));
            case "GET /moments/{momentId}" -> ApiResponse.ok(moments.get(caller, request.path("momentId")));
            case "GET /users/{userId}/moments" -> ApiResponse.ok(memories.of(caller, request.path("userId"),
                    request.limit(), request.queryParam("cursor")));
            case "DELETE /moments/{momentId}" -> {
                moments.delete(caller, request.path("momentId"));
                yield ApiResponse.noContent();
            }
            default -> throw unknownRoute(request);
        };
    }
}
