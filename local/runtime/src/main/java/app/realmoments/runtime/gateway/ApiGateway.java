package app.realmoments.runtime.gateway;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The local HTTP API: serves every route of the template on 127.0.0.1 with the JWT authorizer's
 * checks, turns each request into the payload 2.0 event, invokes the route's function and maps its
 * answer back. API Gateway's own answers are reproduced: 404 {"message":"Not Found"}, 401
 * {"message":"Unauthorized"}, 403 {"message":"Forbidden"} (missing scope), 413 over 10 MB, 500
 * {"message":"Internal Server Error"} when the function fails or answers something unusable (the
 * details go to the console, never to the client).
 */
public final class ApiGateway implements AutoCloseable {

    /** API Gateway's limit on a request's payload. */
    public static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;
    /** Lambda's limit on a synchronous response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String accountId;
    private final String apiId;
    private volatile RouteTable routes = new RouteTable(List.of());
    private volatile Map<String, JwtAuthorizer> authorizers = Map.of();
    private volatile Function<String, LocalFunction> functions = name -> null;
    private final Map<String, HttpHandler> internal = new LinkedHashMap<>();
    private volatile boolean quiet;

    /** Binds 127.0.0.1:port (0: any free port) now, so the URL is known before routes are; serves after {@link #start}. */
    public ApiGateway(int port, String accountId, String apiId) throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(32, r -> {
            Thread thread = new Thread(r, "http-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.server.setExecutor(executor);
        this.accountId = accountId;
        this.apiId = apiId;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The routes, authorizers by name, and the function of each logical id. */
    public void configure(RouteTable routes, Map<String, JwtAuthorizer> authorizers,
                          Function<String, LocalFunction> functions) {
        this.routes = routes;
        this.authorizers = Map.copyOf(authorizers);
        this.functions = functions;
    }

    /** A handler for the runtime's own paths under {@code /_local/} (never an API route). */
    public void internal(String prefix, HttpHandler handler) {
        internal.put(prefix, handler);
    }

    /** No access log lines (tests). */
    public void quiet(boolean quiet) {
        this.quiet = quiet;
    }

    public void start() {
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        if (rawPath.startsWith("/_local/")) {
            for (var entry : internal.entrySet()) {
                if (rawPath.startsWith(entry.getKey())) {
                    try (exchange) {
                        entry.getValue().handle(exchange);
                    }
                    return;
                }
            }
        }
        long started = System.nanoTime();
        String requestId = requestId();
        String method = exchange.getRequestMethod();
        String[] served = new String[2];
        int status;
        try {
            status = serve(exchange, method, rawPath, requestId, served);
        } catch (Exception | Error e) {
            RuntimeLog.error(method + " " + rawPath + " failed in the local gateway (request " + requestId + ")", e);
            status = send(exchange, requestId, gatewayError(500, "Internal Server Error"), method);
        } finally {
            exchange.close();
        }
        if (!quiet) {
            RuntimeLog.info(method + " " + rawPath + " -> " + status + " (" + (System.nanoTime() - started) / 1_000_000
                    + " ms" + (served[0] == null ? "" : ", " + served[0]) + (served[1] == null ? "" : ", " + served[1])
                    + ")");
        }
    }

    /** Serves one request; returns its status. served[0] = the function, served[1] = a note for the log. */
    private int serve(HttpExchange exchange, String method, String rawPath, String requestId, String[] served)
            throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return send(exchange, requestId, gatewayError(413, "Request Entity Too Large"), method);
        }
        Optional<RouteTable.Match> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return send(exchange, requestId, gatewayError(404, "Not Found"), method);
        }
        Route route = match.get().route();
        served[0] = route.function();
        JwtVerifier.Verified auth = null;
        if (route.authorizer() != null) {
            JwtAuthorizer authorizer = authorizers.get(route.authorizer());
            if (authorizer == null) {
                throw new IllegalStateException("route " + route.routeKey() + " names an unknown authorizer "
                        + route.authorizer());
            }
            try {
                auth = authorizer.verifier().verify(exchange.getRequestHeaders().getFirst(authorizer.header()));
            } catch (JwtVerifier.Rejected rejected) {
                served[1] = "authorizer: " + rejected.getMessage();
                HttpEvents.Response unauthorized = gatewayError(401, "Unauthorized");
                unauthorized.headers().add(Map.entry("www-authenticate", "Bearer scope=\"\" error=\"invalid_token\""
                        + " error_description=\"" + rejected.getMessage() + "\""));
                return send(exchange, requestId, unauthorized, method);
            }
            if (!route.scopes().isEmpty() && auth.scopes().stream().noneMatch(route.scopes()::contains)) {
                served[1] = "authorizer: no required scope";
                return send(exchange, requestId, gatewayError(403, "Forbidden"), method);
            }
        }
        LocalFunction target = functions.apply(route.function());
        if (target == null) {
            throw new IllegalStateException("no function " + route.function());
        }
        String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        headers.put("x-forwarded-for", List.of(sourceIp));
        headers.put("x-forwarded-port", List.of(Integer.toString(port())));
        headers.put("x-forwarded-proto", List.of("http"));
        headers.put("x-amzn-trace-id", List.of(traceId()));
        HttpEvents.Request request = new HttpEvents.Request(method, rawPath, exchange.getRequestURI().getRawQuery(),
                headers, body, sourceIp, exchange.getProtocol());
        String event = HttpEvents.request(request, match.get(), auth,
                new HttpEvents.Gateway(accountId, apiId, requestId, Instant.now())).toString();
        Invocation invocation = target.invoke(event);
        if (invocation.failed()) {
            served[1] = "function error";
            if (invocation.error() instanceof LocalFunction.FunctionInitException init) {
                RuntimeLog.warn(route.routeKey() + ": " + init.getMessage());
            } else {
                RuntimeLog.error(route.routeKey() + ": " + route.function() + " failed (request " + requestId + ")",
                        invocation.error());
            }
            return send(exchange, requestId, gatewayError(500, "Internal Server Error"), method);
        }
        HttpEvents.Response response;
        try {
            if (invocation.response().length() > MAX_RESPONSE_BYTES) {
                throw new HttpEvents.MalformedResponse("the response exceeds Lambda's 6 MB limit");
            }
            response = HttpEvents.response(invocation.response());
        } catch (HttpEvents.MalformedResponse malformed) {
            served[1] = "malformed response";
            RuntimeLog.warn(route.routeKey() + ": " + route.function() + " answered something API Gateway"
                    + " cannot use: " + malformed.getMessage());
            response = gatewayError(500, "Internal Server Error");
        }
        return send(exchange, requestId, response, method);
    }

    /** The body, or null when it is over the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_REQUEST_BYTES) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    static HttpEvents.Response gatewayError(int status, String message) {
        List<Map.Entry<String, String>> headers = new java.util.ArrayList<>();
        headers.add(Map.entry("content-type", "application/json"));
        return new HttpEvents.Response(status, headers,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static int send(HttpExchange exchange, String requestId, HttpEvents.Response response, String method) {
        try {
            var headers = exchange.getResponseHeaders();
            for (Map.Entry<String, String> header : response.headers()) {
                headers.add(header.getKey(), header.getValue());
            }
            headers.set("apigw-requestid", requestId);
            byte[] body = response.body();
            boolean noBody = method.equalsIgnoreCase("HEAD") || response.status() == 204 || response.status() == 304
                    || body.length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException clientGone) {
            // the client hung up; nothing to tell it
        }
        return response.status();
    }

    private static String requestId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes).substring(0, 14) + "A=";
    }

    private static String traceId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(Instant.now().getEpochSecond()) + "-" + HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        try {
            server.stop(0);
        } catch (IllegalStateException notStarted) {
            // never started: nothing listens
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
