package app.realmoments.functions.moments;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.config.Environment;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.id.Ids;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.moment.Memories;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.NewMoment;
import app.realmoments.moment.s3.S3MediaStore;
import app.realmoments.page.Cursors;
import app.realmoments.prompt.DailyPrompt;
import app.realmoments.prompt.dynamo.DynamoPromptStore;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code POST /moments}, {@code GET|DELETE /moments/{momentId}}, {@code GET /users/{userId}/moments} (memories). */
public final class MomentsApi extends HttpApi {

    private final MomentService moments;
    private final Memories memories;

    public MomentsApi() {
        this(Wiring.fromEnvironment());
    }

    public MomentsApi(MomentService moments, Memories memories) {
        this.moments = moments;
        this.memories = memories;
    }

    private MomentsApi(Wiring wiring) {
        this(wiring.moments(), wiring.memories());
    }

    /** Both services over one set of clients, built once per container. */
    private record Wiring(MomentService moments, Memories memories) {

        static Wiring fromEnvironment() {
            AwsClients aws = AwsClients.fromEnvironment();
            DynamoDbClient dynamo = DynamoClients.create(aws);
            String users = Environment.require("USERS_TABLE");
            var store = new DynamoMomentStore(dynamo, Environment.require("MOMENTS_TABLE"));
            var media = new S3MediaStore(S3Clients.lazyClient(aws), S3Clients.presigner(aws), Environment.require("MEDIA_BUCKET"));
            var profiles = new DynamoProfileStore(dynamo, users);
            var graph = new DynamoSocialGraph(dynamo, users);
            var views = new MomentViews(media, new DynamoInteractionStore(dynamo,
                    Environment.require("INTERACTIONS_TABLE"), Environment.require("MOMENTS_TABLE")));
            var prompt = new DailyPrompt(new DynamoPromptStore(dynamo, users), profiles, store,
                    CampusTimeZones.fromEnvironment(), false, Clock.systemUTC());
            return new Wiring(
                    new MomentService(store, media, profiles, new MomentVisibility(graph), views, prompt, new Ids(),
                            Clock.systemUTC()),
                    new Memories(store, profiles, graph, views,
                            Cursors.fromEnvironment()));
        }
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "POST /moments" -> ApiResponse.created(moments.start(caller, request.body(NewMoment.class)));
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
