package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.emulator.template.Template;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml against template.yaml: the same routes, the same public ones, examples that match
 * their schemas, and a request in the docs/http collection for each. A route added to the template
 * without its path in the document fails here.
 */
@DisplayName("docs/openapi.yaml documents exactly the template's routes")
class OpenApiDocumentTest {

    private static final Path ROOT = DevStack.findRoot();
    private static final OpenApiContract CONTRACT = OpenApiContract.of(ROOT);
    private static final String HTTP_COLLECTION = "docs/http";

    @Test
    void itsOperationsAreTheTemplatesRoutes() {
        Map<String, Boolean> template = templateRoutes();
        Map<String, Boolean> documented = new TreeMap<>();
        CONTRACT.byName().forEach((name, operation) -> documented.put(name, isPublic(operation)));
        assertEquals(String.join("\n", template.keySet()), String.join("\n", documented.keySet()),
                "the routes of template.yaml (expected) and the operations of " + OpenApiContract.DOCUMENT
                        + " (actual): document a new route under paths, with its method");
        assertEquals(template, documented, "public routes (true: no authorizer in the template, security: [] in the"
                + " document) and the others");
    }

    @Test
    void everyOperationIsNamedAndAnswersItsErrors() {
        List<String> problems = new ArrayList<>();
        for (OpenApiContract.Operation operation : CONTRACT.operations()) {
            JsonNode node = CONTRACT.document().path("paths").path(operation.path()).path(operation.method());
            if (node.path("operationId").asText().isEmpty()) {
                problems.add(operation.name() + " has no operationId (the generated clients' method name)");
            }
            JsonNode responses = node.path("responses");
            if (!isPublic(operation) && !responses.has("401")) {
                problems.add(operation.name() + " needs a token but documents no 401");
            }
            if (!responses.has("429")) {
                problems.add(operation.name() + " documents no 429 (API Gateway throttles every route)");
            }
            if (node.has("requestBody") && !responses.has("400")) {
                problems.add(operation.name() + " takes a body but documents no 400");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void theClickThroughCollectionCallsEveryOperation() throws IOException {
        Set<String> called = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        Pattern request = Pattern.compile("^(GET|PUT|POST|DELETE|PATCH) \\{\\{api}}(/[^?\\s]*)");
        try (Stream<Path> files = Files.list(ROOT.resolve(HTTP_COLLECTION))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".http")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher m = request.matcher(line);
                    if (m.find() && !m.group(2).startsWith("/_local/")) {
                        String path = m.group(2).replaceAll("\\{\\{[A-Za-z]+}}", "x");
                        CONTRACT.operation(m.group(1), path).ifPresentOrElse(o -> called.add(o.name()),
                                () -> unknown.add(file.getFileName() + ": " + line));
                    }
                }
            }
        }
        Set<String> missing = new TreeSet<>(CONTRACT.byName().keySet());
        missing.removeAll(called);
        assertTrue(unknown.isEmpty(), "requests in " + HTTP_COLLECTION + " that are no operation: " + unknown);
        assertTrue(missing.isEmpty(), "operations without a request in " + HTTP_COLLECTION + ": " + missing);
    }

    @Test
    void everyExampleMatchesItsSchema() {
        List<String> problems = new ArrayList<>();
        examples(CONTRACT.document(), "", problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Media-type {@code example}s against their {@code schema}, and every schema's own {@code examples}. */
    private static void examples(JsonNode node, String pointer, List<String> problems) {
        if (node.isObject()) {
            if (node.has("example") && node.has("schema")) {
                problems.addAll(CONTRACT.problems(pointer + "/schema", node.get("example")));
            }
            if (node.has("examples") && node.get("examples").isArray() && pointer.contains("/schemas/")) {
                for (JsonNode example : node.get("examples")) {
                    problems.addAll(CONTRACT.problems(pointer, example));
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                examples(field.getValue(), pointer + "/" + OpenApiContract.escape(field.getKey()), problems);
            }
        }
    }

    private static boolean isPublic(OpenApiContract.Operation operation) {
        JsonNode security = CONTRACT.document().path("paths").path(operation.path()).path(operation.method())
                .path("security");
        return security.isArray() && security.isEmpty();
    }

    /** "METHOD /path" -> whether the route has no authorizer, for every HttpApi event of every function. */
    private static Map<String, Boolean> templateRoutes() {
        Map<String, Boolean> routes = new TreeMap<>();
        for (Template.Resource function : Template.read(ROOT.resolve("template.yaml"))
                .resourcesOfType("AWS::Serverless::Function")) {
            Object events = function.properties().get("Events");
            if (!(events instanceof Map<?, ?> byName)) {
                continue;
            }
            for (Object event : byName.values()) {
                if (event instanceof Map<?, ?> e && "HttpApi".equals(e.get("Type"))
                        && e.get("Properties") instanceof Map<?, ?> p) {
                    boolean open = p.get("Auth") instanceof Map<?, ?> auth && "NONE".equals(auth.get("Authorizer"));
                    routes.put(String.valueOf(p.get("Method")).toUpperCase(Locale.ROOT) + " " + p.get("Path"), open);
                }
            }
        }
        return routes;
    }
}
