package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.media.TestPhotos;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * Joins a campus as a student would: asks for a code at an address of one of the campus's email
     * domains, reads the email at GET /_local/emails and confirms the code. Answers the profile.
     */
    static JsonNode joinCampus(DevStack stack, String token, String campusId) throws Exception {
        JsonNode campus = null;
        for (JsonNode item : JSON.readTree(expect(200, call(stack, "GET", "/campuses", token, null)).body()).path("items")) {
            if (item.path("campusId").asText().equals(campusId)) {
                campus = item;
            }
        }
        assertTrue(campus != null, campusId + " is in GET /campuses");
        String email = "s" + subject(token).replace("-", "").substring(0, 12) + "@" + campus.path("emailDomains").get(0).asText();
        String verificationId = JSON.readTree(expect(202, call(stack, "POST", "/me/campus/verification", token,
                Map.of("campusId", campusId, "email", email))).body()).path("verificationId").asText();
        assertTrue(!verificationId.isEmpty(), "a verification id");
        return JSON.readTree(expect(200, call(stack, "POST", "/me/campus/verification/confirm", token,
                Map.of("code", codeSentTo(stack, email)))).body());
    }

    /** The six-digit code of the newest email to {@code to}, waiting for it to arrive. */
    static String codeSentTo(DevStack stack, String to) throws Exception {
        String text = poll("the code sent to " + to, Duration.ofSeconds(20), () -> lastEmailTo(stack, to),
                found -> found != null);
        Matcher code = Pattern.compile("\\b([0-9]{6})\\b").matcher(text);
        assertTrue(code.find(), "a six-digit code in " + text);
        return code.group(1);
    }

    /** The text of the newest email to {@code to} that the stack sent, from GET /_local/emails; null if none. */
    static String lastEmailTo(DevStack stack, String to) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(stack.apiUrl() + "/_local/emails"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        for (JsonNode email : JSON.readTree(response.body()).path("items")) {
            if (email.path("to").asText().equals(to)) {
                return email.path("text").asText();
            }
        }
        return null;
    }

    /** Posts a moment with one real JPEG, uploads it with the presigned PUT and waits until it is published. */
    static String publish(DevStack stack, String token, String audience, String caption) throws Exception {
        String momentId = upload(stack, token, audience, caption, TestPhotos.phoneJpeg(320, 240, 1));
        JsonNode done = poll("moment " + momentId + " processed", Duration.ofSeconds(60),
                () -> JSON.readTree(call(stack, "GET", "/moments/" + momentId, token, null).body()),
                m -> !m.path("status").asText().equals("pending"));
        assertEquals("published", done.path("status").asText(), done.toString());
        return momentId;
    }

    /** Starts a moment with this JPEG as its back image and uploads it with the presigned PUT; answers its id. */
    static String upload(DevStack stack, String token, String audience, String caption, byte[] jpeg) throws Exception {
        HttpResponse<String> created = expect(201, call(stack, "POST", "/moments", token, Map.of(
                "caption", caption, "audience", audience,
                "images", List.of(Map.of("role", "back", "contentType", "image/jpeg", "contentLength", jpeg.length)))));
        JsonNode moment = JSON.readTree(created.body());
        JsonNode upload = moment.path("uploads").path(0);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(jpeg)).timeout(Duration.ofSeconds(30));
        for (var header : upload.path("headers").properties()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.equals("content-length") && !name.equals("host")) { // java.net.http sets these itself
                put.header(header.getKey(), header.getValue().asText());
            }
        }
        HttpResponse<String> uploaded = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, uploaded.statusCode(), uploaded.body());
        return moment.path("momentId").asText();
    }

    /** The user id a token stands for (its {@code sub}), as the authorizer passes it on. */
    static String subject(String idToken) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(idToken.split("\\.")[1])).path("sub").asText();
    }
}
