package app.realmoments.runtime;

import static app.realmoments.runtime.ClientApp.call;
import static app.realmoments.runtime.ClientApp.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.Isolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * END-TO-END: the repository's stack as {@code make dev} runs it, every function container a JVM of
 * its own with the AOT cache, called through the HTTP API: the health route, and a profile written
 * and read back with a user pool token. When the stack stops, the caches its first containers
 * trained are in place and no container JVM is left.
 */
@Tag("e2e")
@DisplayName("End-to-end: the stack with a JVM per function container")
class ProcessContainersE2EIT {

    @TempDir
    Path aot;

    @Test
    void theApiAnswersFromContainerJvmsThatLeaveTheirCachesAndNoProcessBehind() throws Exception {
        List<Invocation> invocations = new CopyOnWriteArrayList<>();
        DevStack.Options options = DevStack.Options.builder().isolation(Isolation.process(aot)).build();
        try (DevStack stack = ClientApp.start(options, List.of("HealthFunction", "ProfileApiFunction"))) {
            stack.onInvocation(invocations::add);
            HttpResponse<String> health = ClientApp.http().send(HttpRequest.newBuilder(
                    URI.create(stack.apiUrl() + "/health")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            String token = stack.token("carol-process");
            expect(200, call(stack, "PUT", "/me", token, Map.of("handle", "carol_process", "displayName", "Carol")));
            JsonNode me = ClientApp.JSON.readTree(expect(200, call(stack, "GET", "/me", token, null)).body());
            assertEquals("carol_process", me.path("handle").asText(), me.toString());
            assertEquals(ClientApp.subject(token), me.path("userId").asText(), me.toString());
            assertEquals(3, invocations.stream().filter(Invocation::coldStart).count(),
                    "Health, then Profile twice: its first container trained the cache and was not reused");
        }
        for (String function : List.of("HealthFunction", "ProfileApiFunction")) {
            assertEquals(1, files(function + "-*.aot").size(), function + "'s cache, written as its trainer exited");
        }
        assertTrue(files("*.tmp*").isEmpty(), "no temporary file left");
        List<String> left = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("app.realmoments.bootstrap.Bootstrap"))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
        assertTrue(left.isEmpty(), "container JVMs still running: " + left);
    }

    private List<Path> files(String glob) throws Exception {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(aot, glob)) {
            files.forEach(found::add);
        }
        return found;
    }
}
