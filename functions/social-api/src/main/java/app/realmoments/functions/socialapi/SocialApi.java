package app.realmoments.functions.socialapi;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.social.BlockService;
import app.realmoments.social.FriendshipService;
import app.realmoments.social.UserDirectory;
import app.realmoments.wiring.Wiring;

/**
 * The social graph's routes: {@code GET /users/{userId}}; {@code POST|GET /friends/requests},
 * {@code POST /friends/requests/{userId}/accept}, {@code DELETE /friends/requests/{userId}};
 * {@code GET /friends}, {@code DELETE /friends/{userId}}; {@code PUT|DELETE /blocks/{userId}},
 * {@code GET /blocks}.
 */
public final class SocialApi extends HttpApi {

    private final UserDirectory users;
    private final FriendshipService friendships;
    private final BlockService blocks;

    public SocialApi() {
        this(Wiring.fromEnvironment());
    }

    private SocialApi(Wiring wiring) {
        this(new UserDirectory(wiring.profiles(), wiring.socialGraphStore()),
                new FriendshipService(wiring.socialGraphStore(), wiring.profiles(), wiring.cursors(), wiring.clock(),
                        wiring.quotas(), wiring.friendRequestCooldown()),
                new BlockService(wiring.socialGraphStore(), wiring.profiles(), wiring.cursors(), wiring.clock()));
    }

    public SocialApi(UserDirectory users, FriendshipService friendships, BlockService blocks) {
        this.users = users;
        this.friendships = friendships;
        this.blocks = blocks;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "GET /users/{userId}" -> ApiResponse.ok(users.find(caller, request.path("userId")));
            case "POST /friends/requests" ->
                    ApiResponse.ok(friendships.request(caller, request.body(FriendshipService.NewRequest.class)));
            case "GET /friends/requests" -> ApiResponse.ok(friendships.requests(caller));
            case "POST /friends/requests/{userId}/accept" ->
                    ApiResponse.ok(friendships.accept(caller, request.path("userId")));
            case "DELETE /friends/requests/{userId}" -> {
                friendships.removeRequest(caller, request.path("userId"));
                yield ApiResponse.noContent();
            }
            case "GET /friends" ->
                    ApiResponse.ok(friendships.friends(caller, request.limit(), request.queryParam("cursor")));
            case "DELETE /friends/{userId}" -> {
                friendships.unfriend(caller, request.path("userId"));
                yield ApiResponse.noContent();
            }
            case "PUT /blocks/{userId}" -> {
                blocks.block(caller, request.path("userId"));
                yield ApiResponse.noContent();
            }
            case "DELETE /blocks/{userId}" -> {
                blocks.unblock(caller, request.path("userId"));
                yield ApiResponse.noContent();
            }
            case "GET /blocks" -> ApiResponse.ok(blocks.blocked(caller, request.limit(), request.queryParam("cursor")));
            default -> throw unknownRoute(request);
        };
    }
}
