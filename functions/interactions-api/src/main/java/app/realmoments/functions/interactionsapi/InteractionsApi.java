package app.realmoments.functions.interactionsapi;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.interact.InteractionService;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.wiring.Wiring;

/**
 * Reactions and comments: {@code PUT|DELETE /moments/{momentId}/reaction}, {@code POST|GET
 * /moments/{momentId}/comments}, {@code DELETE /moments/{momentId}/comments/{commentId}}. A comment the
 * stage's word list flags is stored hidden and held for review.
 */
public final class InteractionsApi extends HttpApi {

    private final InteractionService interactions;

    public InteractionsApi() {
        this(Wiring.fromEnvironment());
    }

    private InteractionsApi(Wiring wiring) {
        this(new InteractionService(wiring.moments(), wiring.profiles(), new MomentVisibility(wiring.socialGraph(), wiring.profiles()),
                wiring.socialGraph(), wiring.interactions(), wiring.cursors(), wiring.ids(),
                wiring.clock(), wiring.quotas(), wiring.textFilter(), wiring.heldForReview()));
    }

    public InteractionsApi(InteractionService interactions) {
        this.interactions = interactions;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "PUT /moments/{momentId}/reaction" -> ApiResponse.ok(interactions.react(caller,
                    request.path("momentId"), request.body(InteractionService.NewReaction.class)));
            case "DELETE /moments/{momentId}/reaction" -> {
                interactions.unreact(caller, request.path("momentId"));
                yield ApiResponse.noContent();
            }
            case "POST /moments/{momentId}/comments" -> ApiResponse.created(interactions.comment(caller,
                    request.path("momentId"), request.body(InteractionService.NewComment.class), request.idempotencyKey()));
            case "GET /moments/{momentId}/comments" -> ApiResponse.ok(interactions.comments(caller,
                    request.path("momentId"), request.limit(), request.queryParam("cursor")));
            case "DELETE /moments/{momentId}/comments/{commentId}" -> {
                interactions.deleteComment(caller, request.path("momentId"), request.path("commentId"));
                yield ApiResponse.noContent();
            }
            default -> throw unknownRoute(request);
        };
    }
}
