package app.realmoments.http;

import app.realmoments.error.Problem;
import app.realmoments.json.Json;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One HTTP API call, free of API Gateway's types: the route, the caller (the JWT's {@code sub}, or
 * null on a public route), the caller's Cognito groups, its parameters and body, and the client's
 * {@code Idempotency-Key} header.
 */
public record ApiRequest(
        String routeKey,
        String callerId,
        Map<String, String> pathParameters,
        Map<String, String> query,
        String body,
        String requestId,
        String idempotencyHeader,
        Set<String> callerGroups) {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_.:-]{1,128}");

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        query = query == null ? Map.of() : Map.copyOf(query);
        callerGroups = callerGroups == null ? Set.of() : Set.copyOf(callerGroups);
    }

    /** Without an Idempotency-Key header or groups. */
    public ApiRequest(String routeKey, String callerId, Map<String, String> pathParameters, Map<String, String> query,
                      String body, String requestId) {
        this(routeKey, callerId, pathParameters, query, body, requestId, null, Set.of());
    }

    /**
     * The groups of a {@code cognito:groups} claim as API Gateway's JWT authorizer passes it on: an array
     * flattened to {@code "[admins moderators]"} (a lone value may come without brackets).
     */
    public static Set<String> groups(String claim) {
        if (claim == null || claim.isBlank()) {
            return Set.of();
        }
        String list = claim.strip();
        if (list.startsWith("[") && list.endsWith("]")) {
            list = list.substring(1, list.length() - 1);
        }
        Set<String> groups = new TreeSet<>();
        for (String group : list.split("[\\s,]+")) {
            String name = group.strip();
            if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
                name = name.substring(1, name.length() - 1);
            }
            if (!name.isEmpty()) {
                groups.add(name);
            }
        }
        return groups;
    }

    /** The caller's id when the caller is in the Cognito group; 403 otherwise (401 without a caller). */
    public String callerIn(String group) {
        String caller = caller();
        if (!callerGroups.contains(group)) {
            throw Problem.forbidden("only members of the " + group + " group may do this");
        }
        return caller;
    }

    /**
     * The {@code Idempotency-Key} header a client sends to make a retried create safe (1-128 letters,
     * digits, '-', '_', '.', ':'), or null without one; any other value is a 400.
     */
    public String idempotencyKey() {
        if (idempotencyHeader == null) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(idempotencyHeader).matches()) {
            throw Problem.invalid("Idempotency-Key", "Idempotency-Key must be 1 to 128 letters, digits, '-', '_', '.' or ':'");
        }
        return idempotencyHeader;
    }

    /** The caller's user id; every route but the public ones has one. */
    public String caller() {
        if (callerId == null || callerId.isBlank()) {
            throw new Problem(Problem.Kind.UNAUTHENTICATED, "unauthorized", "a valid bearer token is required", null);
        }
        return callerId;
    }

    /**
     * A path parameter as API Gateway decoded it. A blank one (from {@code %20}) is handed on like any other
     * malformed id, for the domain to answer as a thing that does not exist.
     */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw Problem.invalid(name, name + " is missing from the path");
        }
        return value;
    }

    public String queryParam(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The {@code limit} query parameter: 1..50, 20 when absent. */
    public int limit() {
        String value = queryParam("limit");
        if (value == null) {
            return 20;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= 50) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problem.invalid("limit", "limit must be a whole number from 1 to 50");
    }

    /** The JSON body as the given record; a missing, malformed or mistyped body is a 400 naming the field. */
    public <T> T body(Class<T> type) {
        if (body == null || body.isBlank()) {
            throw Problem.invalid(null, "a JSON body is required");
        }
        T value;
        try {
            value = Json.read(body, type);
        } catch (Json.Invalid e) {
            String field = e.field();
            throw switch (e.reason()) {
                case SYNTAX -> Problem.invalid(null, "the body is not valid JSON");
                case NOT_AN_OBJECT -> Problem.invalid(null, "the body must be a JSON object");
                case WRONG_TYPE -> field == null ? Problem.invalid(null, "the body must be a JSON object")
                        : Problem.invalid(field, field + " has the wrong type");
                case WRONG_FORMAT -> field == null ? Problem.invalid(null, "the body has the wrong format")
                        : Problem.invalid(field, field + " has the wrong format");
            };
        }
        if (value == null) {
            throw Problem.invalid(null, "the body must be a JSON object");
        }
        return value;
    }
}
