package app.realmoments.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml as the end-to-end tests use it: which documented operation a request is, and whether a
 * response is one that operation documents (its status, its content type, its body against the schema).
 * Schemas are checked by networknt's json-schema-validator with the OpenAPI 3.1 dialect (JSON Schema
 * 2020-12), formats asserted.
 */
final class OpenApiContract {

    static final String DOCUMENT = "docs/openapi.yaml";

    /** The document's identifier in the schema registry. */
    private static final String ID = "https://real-moments.invalid/openapi.json";
    private static final Map<Path, OpenApiContract> LOADED = new ConcurrentHashMap<>();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** One documented operation: its method, its path template and the pattern that matches raw paths. */
    record Operation(String method, String path, Pattern pattern) {

        String name() {
            return method.toUpperCase(Locale.ROOT) + " " + path;
        }
    }

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final SchemaRegistry schemas;
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(Path file) {
        try {
            this.document = new ObjectMapper().valueToTree(new Yaml().load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        document.path("paths").properties().forEach(path -> METHODS.forEach(method -> {
            if (path.getValue().has(method)) {
                operations.add(new Operation(method, path.getKey(), template(path.getKey())));
            }
        }));
        // served from memory under an identifier of its own: the registry reads no files or URLs by itself
        Map<String, String> served = Map.of(ID, document.toString());
        this.schemas = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder.schemas(served)
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    /** The document of the repository at {@code root}, read once per test JVM. */
    static OpenApiContract of(Path root) {
        return LOADED.computeIfAbsent(root.resolve(DOCUMENT).toAbsolutePath().normalize(), OpenApiContract::new);
    }

    JsonNode document() {
        return document;
    }

    List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** The documented operation a request is, by its method and raw path (no query). */
    Optional<Operation> operation(String method, String rawPath) {
        String lower = method.toLowerCase(Locale.ROOT);
        return operations.stream().filter(o -> o.method().equals(lower) && o.pattern().matcher(rawPath).matches())
                .findFirst();
    }

    /**
     * What is wrong with a response to {@code method rawPath} per the document: nothing (an empty list), or
     * one line per problem.
     */
    List<String> problems(String method, String rawPath, int status, String contentType, String body) {
        Optional<Operation> found = operation(method, rawPath);
        if (found.isEmpty()) {
            return List.of(method + " " + rawPath + " is no operation of " + DOCUMENT);
        }
        Operation operation = found.get();
        JsonNode responses = document.path("paths").path(operation.path()).path(operation.method()).path("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status)
                : responses.has("default") ? "default" : null;
        if (key == null) {
            return List.of(operation.name() + " answered " + status + ", which " + DOCUMENT + " does not document"
                    + " (" + body + ")");
        }
        String pointer = "/paths/" + escape(operation.path()) + "/" + operation.method() + "/responses/" + key;
        JsonNode response = responses.path(key);
        if (response.has("$ref")) {
            pointer = response.path("$ref").asText().substring(1);
            response = document.at(pointer);
        }
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            return body == null || body.isEmpty() ? List.of()
                    : List.of(operation.name() + " " + status + " documents no body but answered " + body);
        }
        String mediaType = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!content.has(mediaType)) {
            return List.of(operation.name() + " " + status + " answered content type '" + contentType
                    + "', the document has " + fieldNames(content));
        }
        String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
        List<String> problems = new ArrayList<>();
        for (Error error : schema(schemaPointer).validate(body, InputFormat.JSON)) {
            problems.add(operation.name() + " " + status + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.add("the body was: " + body);
        }
        return problems;
    }

    /** What is wrong with a value against the schema at {@code pointer} (a JSON pointer into the document). */
    List<String> problems(String pointer, JsonNode value) {
        List<String> problems = new ArrayList<>();
        for (Error error : schema(pointer).validate(value.toString(), InputFormat.JSON)) {
            problems.add(pointer + ": " + error.getInstanceLocation() + " " + error.getMessage());
        }
        return problems;
    }

    private Schema schema(String pointer) {
        return compiled.computeIfAbsent(pointer, p -> schemas.getSchema(SchemaLocation.of(
                ID + "#" + URLEncoder.encode(p, StandardCharsets.UTF_8).replace("+", "%20")
                        .replace("%2F", "/").replace("%7E", "~"))));
    }

    /** A path template as a pattern of raw paths: each {parameter} is one non-empty segment. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    /** A JSON pointer's escaping of one reference token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The documented operations as "METHOD /path" -> the operation, in document order. */
    Map<String, Operation> byName() {
        Map<String, Operation> names = new LinkedHashMap<>();
        operations.forEach(o -> names.put(o.name(), o));
        return names;
    }
}
