package app.realmoments.functions.feed;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.config.Environment;
import app.realmoments.feed.DynamoFeedStore;
import app.realmoments.feed.FeedService;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.moment.DynamoMomentStore;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.S3MediaStore;
import app.realmoments.page.Cursors;
import app.realmoments.profile.DynamoProfileStore;
import app.realmoments.social.DynamoSocialGraph;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code GET /feed}: friends' published moments and your own, newest first; {@code GET /campuses/{campusId}/feed}. */
public final class FeedApi extends HttpApi {

    private final FeedService feed;

    public FeedApi() {
        this(create(AwsClients.fromEnvironment()));
    }

    public FeedApi(FeedService feed) {
        this.feed = feed;
    }

    private static FeedService create(AwsClients aws) {
        DynamoDbClient dynamo = DynamoClients.create(aws);
        String users = Environment.require("USERS_TABLE");
        return new FeedService(
                new DynamoFeedStore(dynamo, Environment.require("FEED_TABLE")),
                new DynamoMomentStore(dynamo, Environment.require("MOMENTS_TABLE")),
                new DynamoProfileStore(dynamo, users),
                new MomentVisibility(new DynamoSocialGraph(dynamo, users)),
                new MomentViews(new S3MediaStore(S3Clients.client(aws), S3Clients.presigner(aws),
                        Environment.require("MEDIA_BUCKET"))),
                new Cursors(Environment.require("CURSOR_SIGNING_KEY")));
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "GET /feed" -> ApiResponse.ok(feed.feed(caller, request.limit(), request.queryParam("cursor")));
            case "GET /campuses/{campusId}/feed" -> ApiResponse.ok(feed.campusFeed(caller, request.path("campusId"),
                    request.limit(), request.queryParam("cursor")));
            default -> throw unknownRoute(request);
        };
    }
}
