package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * END-TO-END: schemathesis (from ./.venv) generates requests from docs/openapi.yaml and sends them to
 * the local stack with a real token of the emulator's user pool, for a bounded time: no answer may be
 * a 5xx, and every answer must be one the document gives for that operation (status, content type,
 * headers, body). Its summary goes to local/runtime/target/schemathesis/summary.txt for make test.
 *
 * <p>{@code -Dschemathesis.seconds=} changes the time budget (default 60), {@code -Dschemathesis.seed=}
 * the seed (fixed by default, so a run can be repeated).
 */
@Tag("e2e")
@DisplayName("End-to-end: schemathesis fuzzes the local stack from docs/openapi.yaml")
class ApiFuzzingE2EIT {

    private static final List<String> FUNCTIONS_NEEDED = List.of("HealthFunction", "ProfileApiFunction",
            "SocialApiFunction", "MomentsApiFunction", "FeedApiFunction", "InteractionsApiFunction",
            "NotificationsApiFunction", "ModerationApiFunction", "ExportApiFunction", "ExporterFunction");
    private static final List<String> CHECKS = List.of("not_a_server_error", "status_code_conformance",
            "content_type_conformance", "response_headers_conformance", "response_schema_conformance");
    private static final int SECONDS = Integer.getInteger("schemathesis.seconds", 60);
    private static final String SEED = System.getProperty("schemathesis.seed", "20261201");

    private static DevStack stack;

    @BeforeAll
    static void start() {
        stack = ClientApp.start(DevStack.Options.builder().quiet(true).build(), FUNCTIONS_NEEDED);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void noGeneratedRequestGetsA5xxOrAnUndocumentedAnswer() throws Exception {
        // in the groups admins and moderators too, so the registry and moderation routes are fuzzed past their 403
        String token = stack.login("fuzzer", List.of("admins", "moderators")).idToken();
        // a caller with a profile and a campus, so the routes get past "create your profile first"
        ClientApp.expect(200, ClientApp.call(stack, "PUT", "/me", token,
                Map.of("handle", "fuzzer", "displayName", "Fuzzer")));
        ClientApp.joinCampus(stack, token, "north-campus");

        Path root = stack.root();
        Path work = Files.createDirectories(root.resolve("local/runtime/target/schemathesis"));
        Path output = work.resolve("output.txt");
        Path st = Path.of(System.getProperty("emulator.python", root.resolve(".venv/bin/python").toString()))
                .resolveSibling("st");
        assertTrue(Files.isExecutable(st), st + " is missing: `make venv` installs schemathesis");
        ProcessBuilder run = new ProcessBuilder(st.toString(), "run", root.resolve(OpenApiContract.DOCUMENT).toString(),
                "--url", stack.apiUrl(),
                "--header", "Authorization: Bearer " + token,
                "--checks", String.join(",", CHECKS),
                "--phases", "examples,coverage,fuzzing",
                // DELETE /me would erase the fuzzer part-way and leave every later request a 401;
                // AccountErasureE2EIT covers it (and every route's 401 for a deleted account)
                "--exclude-operation-id", "deleteMe",
                "--max-time", Integer.toString(SECONDS),
                "--workers", "1", // hypothesis describes its strategies with ast.parse, which is not thread-safe
                "--seed", SEED,
                "--request-timeout", "20",
                "--suppress-health-check", "all",
                "--no-color")
                .directory(work.toFile()) // its .hypothesis database stays in target/
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        run.environment().put("SCHEMATHESIS_HOOKS", ""); // no hooks module of the developer's own
        Process process = run.start();
        boolean finished = process.waitFor(SECONDS + 120L, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(text);
        Files.writeString(work.resolve("summary.txt"), summary(text, finished ? process.exitValue() : -1));
        assertTrue(finished, "schemathesis did not stop within " + (SECONDS + 120) + " s:\n" + text);
        assertEquals(0, process.exitValue(), "schemathesis found problems (seed " + SEED + "):\n" + text);
    }

    /** One line for make test's summary: cases generated, passed and failed, from schemathesis's own summary. */
    static String summary(String output, int exitCode) {
        Matcher operations = Pattern.compile("Tested:\\s*(\\d+)").matcher(output);
        Matcher cases = Pattern.compile("Test cases:\\s*(\\d+) generated, ([^\\n]*)").matcher(output);
        return "schemathesis: " + (exitCode == 0 ? "passed" : "FAILED")
                + (operations.find() ? ", " + operations.group(1) + " operations" : "")
                + (cases.find() ? ", " + cases.group(1) + " cases (" + cases.group(2).strip() + ")" : "")
                + ", " + SECONDS + " s, seed " + SEED + "\n";
    }
}
