package app.realmoments.functions.social;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.config.Environment;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.feed.FeedStore;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.page.Cursors;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.BlockService;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.social.FeedCleanup;
import app.realmoments.social.FriendshipService;
import app.realmoments.social.UserDirectory;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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

    public SocialApi(UserDirectory users, FriendshipService friendships, BlockService blocks) {
        this.users = users;
        this.friendships = friendships;
        this.blocks = blocks;
    }

    private SocialApi(Wiring wiring) {
        this(wiring.users(), wiring.friendships(), wiring.blocks());
    }

    /** The three services over one set of clients, built once per container. */
    private record Wiring(UserDirectory users, FriendshipService friendships, BlockService blocks) {

        static Wiring fromEnvironment() {
            AwsClients aws = AwsClients.fromEnvironment();
            DynamoDbClient dynamo = DynamoClients.create(aws);
            String usersTable = Environment.require("USERS_TABLE");
            var graph = new DynamoSocialGraph(dynamo, usersTable);
            var profiles = new DynamoProfileStore(dynamo, usersTable);
            var queue = SqsNotificationQueue.fromEnvironment(aws);
            var cursors = Cursors.fromEnvironment();
            Clock clock = Clock.systemUTC();
            FeedCleanup feeds = FeedStore.cleanup(new DynamoFeedStore(dynamo, Environment.require("FEED_TABLE")));
            return new Wiring(new UserDirectory(profiles, graph),
                    new FriendshipService(graph, profiles, queue, cursors, clock, feeds),
                    new BlockService(graph, profiles, cursors, clock, feeds));
        }
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
