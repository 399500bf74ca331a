package app.realmoments.functions.moderationapi;

import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.moment.HeldMoments;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentViews;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.report.ModerationService;
import app.realmoments.report.NewReport;
import app.realmoments.report.ReportService;
import app.realmoments.wiring.Wiring;

/**
 * Reports and their review: {@code POST /reports} for everyone; for the Cognito group {@code moderators}
 * only (403 for anyone else), {@code GET /moderation/reports}, {@code POST
 * /moderation/reports/{reportId}/resolve} and {@code GET /moderation/audit}.
 */
public final class ModerationApi extends HttpApi {

    static final String MODERATORS = "moderators";

    private final ReportService reports;
    private final ModerationService moderation;

    public ModerationApi() {
        this(Wiring.fromEnvironment());
    }

    private ModerationApi(Wiring wiring) {
        this(new ReportService(wiring.reports(), wiring.contentFlags(), wiring.moments(), wiring.interactions(),
                        wiring.profiles(), wiring.socialGraph(), wiring.socialGraphStore(), wiring.quotas(), wiring.ids(),
                        wiring.clock(), wiring.reportAutoHideThreshold()),
                new ModerationService(wiring.reports(), wiring.contentFlags(), wiring.moments(), deletion(wiring),
                        wiring.interactions(), wiring.profiles(), views(wiring), wiring.notificationQueue(),
                        wiring.accountSuspension(), releases(wiring), wiring.cursors(), wiring.ids(), wiring.clock()));
    }

    public ModerationApi(ReportService reports, ModerationService moderation) {
        this.reports = reports;
        this.moderation = moderation;
    }

    private static MomentViews views(Wiring wiring) {
        return new MomentViews(wiring.media(), wiring.interactions());
    }

    /** The author's delete path (DELETE /moments/{id}); this function never starts a moment, so no late marks. */
    private static MomentService deletion(Wiring wiring) {
        return new MomentService(wiring.moments(), wiring.media(), wiring.profiles(),
                new MomentVisibility(wiring.socialGraph(), wiring.profiles()), views(wiring),
                (author, campus, at) -> null, wiring.ids(), wiring.clock(), wiring.quotas());
    }

    /** A held moment a moderator dismissed is published as the upload processor publishes (screening's release). */
    private static ModerationService.Release releases(Wiring wiring) {
        HeldMoments held = new HeldMoments(wiring.moments(), wiring.clock());
        return held::release;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "POST /reports" -> {
                ReportService.Filed filed = reports.report(request.caller(), request.body(NewReport.class));
                ReportService.Answer answer = new ReportService.Answer(filed.reportId());
                yield filed.created() ? ApiResponse.created(answer) : ApiResponse.ok(answer);
            }
            case "GET /moderation/reports" -> {
                request.callerIn(MODERATORS);
                yield ApiResponse.ok(moderation.queue(request.limit(), request.queryParam("cursor")));
            }
            case "POST /moderation/reports/{reportId}/resolve" -> {
                String moderator = request.callerIn(MODERATORS);
                yield ApiResponse.ok(moderation.resolve(moderator, request.path("reportId"),
                        request.body(ModerationService.NewResolution.class)));
            }
            case "GET /moderation/audit" -> {
                request.callerIn(MODERATORS);
                yield ApiResponse.ok(moderation.audit(request.limit(), request.queryParam("cursor")));
            }
            default -> throw unknownRoute(request);
        };
    }
}
