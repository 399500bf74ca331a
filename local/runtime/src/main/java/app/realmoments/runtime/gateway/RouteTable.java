package app.realmoments.runtime.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route of a request the way an HTTP API does: the most specific path wins (a literal
 * segment over a {@code {param}}, a {@code {param}} over a greedy {@code {proxy+}}), then a route with
 * the exact method over ANY.
 */
public final class RouteTable {

    /** A matched route and its path parameters (URL-decoded). */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    private record Compiled(Route route, String[] segments) {
    }

    private final List<Compiled> routes = new ArrayList<>();

    public RouteTable(List<Route> routes) {
        Map<String, Route> byKey = new LinkedHashMap<>();
        for (Route route : routes) {
            Route previous = byKey.putIfAbsent(route.routeKey(), route);
            if (previous != null) {
                throw new IllegalArgumentException("route " + route.routeKey() + " is served by both "
                        + previous.function() + " and " + route.function());
            }
            this.routes.add(new Compiled(route, split(route.path())));
        }
    }

    public Optional<Match> match(String method, String rawPath) {
        String[] actual = split(rawPath);
        Match best = null;
        int[] bestScore = null;
        for (Compiled compiled : routes) {
            Route route = compiled.route();
            if (!route.method().equals("ANY") && !route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            int[] score = match(compiled.segments(), actual, parameters);
            if (score == null) {
                continue;
            }
            score[score.length - 1] = route.method().equals("ANY") ? 1 : 0;
            if (bestScore == null || Arrays.compare(score, bestScore) < 0) {
                best = new Match(route, parameters);
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Per segment 0 (literal), 1 ({param}) or 2 (greedy), then a slot for the method; null: no match. */
    private static int[] match(String[] pattern, String[] actual, Map<String, String> parameters) {
        int[] score = new int[Math.max(pattern.length, actual.length) + 1];
        for (int i = 0; i < pattern.length; i++) {
            String segment = pattern[i];
            boolean variable = segment.startsWith("{") && segment.endsWith("}");
            if (variable && segment.endsWith("+}")) {
                if (i != pattern.length - 1 || actual.length <= i) {
                    return null;
                }
                String name = segment.substring(1, segment.length() - 2);
                List<String> rest = new ArrayList<>();
                for (int j = i; j < actual.length; j++) {
                    rest.add(decode(actual[j]));
                }
                parameters.put(name, String.join("/", rest));
                for (int j = i; j < score.length - 1; j++) {
                    score[j] = 2;
                }
                return score;
            }
            if (i >= actual.length) {
                return null;
            }
            if (variable) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(segment.substring(1, segment.length() - 1), decode(actual[i]));
                score[i] = 1;
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        return pattern.length == actual.length ? score : null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }
}
