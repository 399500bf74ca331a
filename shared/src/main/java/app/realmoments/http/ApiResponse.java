package app.realmoments.http;

import java.util.Map;

/** A JSON response: the body is any record Jackson can write, or null for 204. */
public record ApiResponse(int status, Object body, Map<String, String> headers) {

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body, Map.of());
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, Map.of());
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body, Map.of());
    }

    /** The same response with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return new ApiResponse(status, body, Map.copyOf(all));
    }
}
