package app.realmoments.functions.feedapi;

import app.realmoments.feed.FeedService;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.moment.MomentViews;
import app.realmoments.prompt.DailyPrompt;
import app.realmoments.wiring.Wiring;

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

    private FeedApi(Wiring wiring) {
        this(new FeedService(wiring.feeds(), wiring.pageReads(), wiring.profiles(),
                        new MomentViews(wiring.media(), wiring.interactions()), wiring.cursors(), wiring.clock()),
                new DailyPrompt(wiring.prompts(), wiring.inbox(), wiring.profiles(), wiring.moments(), wiring.campusTimeZones(),
                        wiring.postToSee(), wiring.clock()));
    }

    public FeedApi(FeedService feed, DailyPrompt prompt) {
        this.feed = feed;
        this.prompt = prompt;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "GET /feed" -> ApiResponse.ok(feed.feed(caller, request.limit(), request.queryParam("cursor"), prompt));
            case "GET /prompt" -> ApiResponse.ok(prompt.today(caller));
            case "GET /campuses/{campusId}/feed" -> ApiResponse.ok(feed.campusFeed(caller, request.path("campusId"),
                    request.limit(), request.queryParam("cursor")));
            default -> throw unknownRoute(request);
        };
    }
}
