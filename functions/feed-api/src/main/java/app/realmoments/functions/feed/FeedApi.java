package app.realmoments.functions.feed;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.config.Environment;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.feed.dynamo.DynamoPageReads;
import app.realmoments.feed.FeedLock;
import app.realmoments.feed.FeedService;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.s3.S3MediaStore;
import app.realmoments.page.Cursors;
import app.realmoments.prompt.DailyPrompt;
import app.realmoments.prompt.dynamo.DynamoPromptStore;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /feed}: friends' published moments and your own, newest first (locked by "post to see");
 * {@code GET /campuses/{campusId}/feed}; {@code GET /prompt}: today's prompt of the caller's campus.
 */
public final class FeedApi extends HttpApi {

    private final FeedService feed;
    private final DailyPrompt prompt;

    public FeedApi() {
        this(Wiring.fromEnvironment());
    }

    /** "Post to see" off and no daily prompt: the feed alone. */
    public FeedApi(FeedService feed) {
        this(feed, null);
    }

    public FeedApi(FeedService feed, DailyPrompt prompt) {
        this.feed = feed;
        this.prompt = prompt;
    }

    private FeedApi(Wiring wiring) {
        this(wiring.feed(), wiring.prompt());
    }

    /** Both over one set of clients, built once per container. */
    private record Wiring(FeedService feed, DailyPrompt prompt) {

        static Wiring fromEnvironment() {
            AwsClients aws = AwsClients.fromEnvironment();
            DynamoDbClient dynamo = DynamoClients.create(aws);
            String users = Environment.require("USERS_TABLE");
            String momentsTable = Environment.require("MOMENTS_TABLE");
            var moments = new DynamoMomentStore(dynamo, momentsTable);
            var profiles = new DynamoProfileStore(dynamo, users);
            var feed = new FeedService(
                    new DynamoFeedStore(dynamo, Environment.require("FEED_TABLE")),
                    new DynamoPageReads(dynamo, users, momentsTable, Environment.require("INTERACTIONS_TABLE")),
                    profiles,
                    new MomentViews(S3MediaStore.presigning(S3Clients.presigner(aws),
                            Environment.require("MEDIA_BUCKET"))),
                    Cursors.fromEnvironment());
            var prompt = new DailyPrompt(new DynamoPromptStore(dynamo, users), profiles, moments,
                    CampusTimeZones.fromEnvironment(),
                    Environment.optionalBoolean("POST_TO_SEE", false), Clock.systemUTC());
            return new Wiring(feed, prompt);
        }
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "GET /feed" -> ApiResponse.ok(feed.feed(caller, request.limit(), request.queryParam("cursor"),
                    prompt == null ? FeedLock.OFF : prompt));
            case "GET /prompt" -> {
                if (prompt == null) {
                    throw unknownRoute(request);
                }
                yield ApiResponse.ok(prompt.today(caller));
            }
            case "GET /campuses/{campusId}/feed" -> ApiResponse.ok(feed.campusFeed(caller, request.path("campusId"),
                    request.limit(), request.queryParam("cursor")));
            default -> throw unknownRoute(request);
        };
    }
}
