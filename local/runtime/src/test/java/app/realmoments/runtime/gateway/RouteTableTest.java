package app.realmoments.runtime.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private static Route route(String method, String path, String function) {
        return new Route(method, path, function, null, List.of());
    }

    private final RouteTable table = new RouteTable(List.of(
            route("GET", "/health", "Health"),
            route("GET", "/moments/{momentId}", "GetMoment"),
            route("DELETE", "/moments/{momentId}", "DeleteMoment"),
            route("GET", "/moments/latest", "Latest"),
            route("ANY", "/moments/{momentId}/comments", "AnyComments"),
            route("POST", "/moments/{momentId}/comments", "PostComment"),
            route("GET", "/files/{proxy+}", "Files"),
            route("ANY", "/{proxy+}", "CatchAll")));

    private String function(String method, String path) {
        return table.match(method, path).map(m -> m.route().function()).orElse(null);
    }

    @Test
    void literalSegmentsBeatParametersWhichBeatGreedyPaths() {
        assertEquals("Latest", function("GET", "/moments/latest"));
        assertEquals("GetMoment", function("GET", "/moments/01ABC"));
        assertEquals("Files", function("GET", "/files/a/b/c.jpg"));
        assertEquals("CatchAll", function("GET", "/anything/else"));
        assertEquals("Health", function("GET", "/health"));
    }

    @Test
    void anExactMethodBeatsAny() {
        assertEquals("PostComment", function("POST", "/moments/1/comments"));
        assertEquals("AnyComments", function("GET", "/moments/1/comments"));
        assertEquals("DeleteMoment", function("DELETE", "/moments/1"));
        assertEquals("CatchAll", function("PUT", "/moments/1"));
    }

    @Test
    void pathParametersAreDecoded() {
        RouteTable.Match match = table.match("GET", "/moments/a%20b%2Bc").orElseThrow();
        assertEquals(Map.of("momentId", "a b+c"), match.pathParameters());
        assertEquals("GET /moments/{momentId}", match.route().routeKey());
        assertEquals(Map.of("proxy", "a/b c/d"), table.match("GET", "/files/a/b%20c/d").orElseThrow().pathParameters());
    }

    @Test
    void noMatchIsEmpty() {
        RouteTable narrow = new RouteTable(List.of(route("GET", "/health", "Health"),
                route("GET", "/moments/{momentId}", "GetMoment"), route("GET", "/files/{proxy+}", "Files")));
        assertTrue(narrow.match("POST", "/health").isEmpty());
        assertTrue(narrow.match("GET", "/health/").isEmpty());
        assertTrue(narrow.match("GET", "/moments/").isEmpty());
        assertTrue(narrow.match("GET", "/moments/1/2").isEmpty());
        assertTrue(narrow.match("GET", "/files").isEmpty());
        assertTrue(narrow.match("GET", "/").isEmpty());
    }

    @Test
    void aRouteServedTwiceIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(List.of(
                route("GET", "/me", "A"), route("get", "/me", "B"))));
    }
}
