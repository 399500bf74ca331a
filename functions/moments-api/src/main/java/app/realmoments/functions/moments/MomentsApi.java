package app.realmoments.functions.moments;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.config.Environment;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.id.Ids;
import app.realmoments.moment.DynamoMomentStore;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.NewMoment;
import app.realmoments.moment.S3MediaStore;
import app.realmoments.profile.DynamoProfileStore;
import app.realmoments.social.DynamoSocialGraph;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code POST /moments}, {@code GET /moments/{momentId}}, {@code DELETE /moments/{momentId}}. */
public final class MomentsApi extends HttpApi {

    private final MomentService moments;

    public MomentsApi() {
        this(create(AwsClients.fromEnvironment()));
    }

    public MomentsApi(MomentService moments) {
        this.moments = moments;
    }

    private static MomentService create(AwsClients aws) {
        DynamoDbClient dynamo = DynamoClients.create(aws);
        String users = Environment.require("USERS_TABLE");
        return new MomentService(
                new DynamoMomentStore(dynamo, Environment.require("MOMENTS_TABLE")),
                new S3MediaStore(S3Clients.client(aws), S3Clients.presigner(aws), Environment.require("MEDIA_BUCKET")),
                new DynamoProfileStore(dynamo, users),
                new MomentVisibility(new DynamoSocialGraph(dynamo, users)),
                new Ids(), Clock.systemUTC());
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "POST /moments" -> ApiResponse.created(moments.start(caller, request.body(NewMoment.class)));
            case "GET /moments/{momentId}" -> ApiResponse.ok(moments.get(caller, request.path("momentId")));
            case "DELETE /moments/{momentId}" -> {
                moments.delete(caller, request.path("momentId"));
                yield ApiResponse.noContent();
            }
            default -> throw unknownRoute(request);
        };
    }
}
