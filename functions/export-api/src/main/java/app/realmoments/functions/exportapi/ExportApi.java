package app.realmoments.functions.exportapi;

import app.realmoments.export.ExportService;
import app.realmoments.http.ApiRequest;
import app.realmoments.http.ApiResponse;
import app.realmoments.http.HttpApi;
import app.realmoments.wiring.Wiring;

/** A copy of one's data: {@code POST /me/export} asks for one, {@code GET /me/export/{exportId}} fetches it. */
public final class ExportApi extends HttpApi {

    private final ExportService exports;

    public ExportApi() {
        this(Wiring.fromEnvironment());
    }

    private ExportApi(Wiring wiring) {
        this(new ExportService(wiring.exports(), wiring.exportJobs(), wiring.exportArchives(), wiring.quotas(),
                wiring.ids(), wiring.clock()));
    }

    public ExportApi(ExportService exports) {
        this.exports = exports;
    }

    @Override
    protected ApiResponse route(ApiRequest request) {
        String caller = request.caller();
        return switch (request.routeKey()) {
            case "POST /me/export" -> ApiResponse.accepted(exports.start(caller));
            case "GET /me/export/{exportId}" -> ApiResponse.ok(exports.status(caller, request.path("exportId")));
            default -> throw unknownRoute(request);
        };
    }
}
