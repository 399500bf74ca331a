package app.realmoments.functions.interactions;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.config.Environment;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.id.Ids;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.interact.InteractionService;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.page.Cursors;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Reactions and comments: {@code PUT|DELETE /moments/{momentId}/reaction}, {@code POST|GET
 * /moments/{momentId}/comments}, {@code DELETE /moments/{momentId}/comments/{commentId}}.
 */
public final class InteractionsApi extends HttpApi {

    private final InteractionService interactions;

    public InteractionsApi() {
        this(create(AwsClients.fromEnvironment()));
    }

    public InteractionsApi(InteractionService interactions) {
        this.interactions = interactions;
    }

    private static InteractionService create(AwsClients aws) {
        DynamoDbClient dynamo = DynamoClients.create(aws);
        String users = Environment.require("USERS_TABLE");
        String momentsTable = Environment.require("MOMENTS_TABLE");
        var graph = new DynamoSocialGraph(dynamo, users);
        return new InteractionService(new DynamoMomentStore(dynamo, momentsTable), new DynamoProfileStore(dynamo, users),
                new MomentVisibility(graph), graph,
                new DynamoInteractionStore(dynamo, Environment.require("INTERACTIONS_TABLE"), momentsTable),
                SqsNotificationQueue.fromEnvironment(aws),
                Cursors.fromEnvironment(), new Ids(), Clock.systemUTC());
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
