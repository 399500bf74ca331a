package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/** What the end-to-end tests share: the local stack with the jars they need, called as a client app would. */
final class ClientApp {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ClientApp() {
    }

    /** Starts the stack of the repository's template; fails, naming them, when function jars are missing. */
    static DevStack start(DevStack.Options options, List<String> functionsNeeded) {
        DevStack stack = DevStack.start(options);
        List<String> missing = new ArrayList<>();
        for (String function : functionsNeeded) {
            if (!Files.isRegularFile(stack.function(function).jar())) {
                missing.add(stack.root().relativize(stack.function(function).jar()).toString());
            }
        }
        if (!missing.isEmpty()) {
            stack.close();
        }
        assertTrue(missing.isEmpty(), "function jars missing (run `make build`): " + missing);
        return stack;
    }

    /**
     * One API call with a bearer token and, when given, a JSON body. Its response must be one that
     * docs/openapi.yaml documents for that operation: status, content type and body.
     */
    static HttpResponse<String> call(DevStack stack, String method, String path, String token, Object body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.apiUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return documented(stack, HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The response, after checking it against docs/openapi.yaml (OpenApiContract). */
    static HttpResponse<String> documented(DevStack stack, HttpResponse<String> response) {
        List<String> problems = OpenApiContract.of(stack.root()).problems(response.request().method(),
                response.request().uri().getRawPath(), response.statusCode(),
                response.headers().firstValue("content-type").orElse(null), response.body());
        assertTrue(problems.isEmpty(), "not as " + OpenApiContract.DOCUMENT + " documents it:\n"
                + String.join("\n", problems));
        return response;
    }

    static HttpClient http() {
        return HTTP;
    }

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.request().method() + " " + response.request().uri()
                + " answered " + response.body());
        return response;
    }

    interface Fetch<T> {
        T get() throws Exception;
    }

    /** Asks again every 250 ms until {@code done} holds: the asynchronous chain has no other signal. */
    static <T> T poll(String what, Duration timeout, Fetch<T> fetch, Predicate<T> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = fetch.get();
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what + "; last: " + last);
    }

    /** The user id a token stands for (its {@code sub}), as the authorizer passes it on. */
    static String subject(String idToken) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1])).path("sub").asText();
    }
}
