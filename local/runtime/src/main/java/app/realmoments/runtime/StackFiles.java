package app.realmoments.runtime;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.provision.Physical;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import app.realmoments.emulator.template.TemplateException;
import app.realmoments.runtime.gateway.HttpApis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The two files a running stack keeps under .local/ for other processes, removed when it stops:
 * outputs.json, every URL and name a client needs (what {@code make token}, scripts and people
 * read), and state.json, what {@code invoke} needs to run a function against that stack (the
 * endpoint, the parameters, every resource's physical id).
 */
final class StackFiles {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What state.json holds, besides the pid of the process that wrote it. */
    record State(String endpoint, String apiId, String apiUrl, Map<String, Object> parameters,
                 Map<String, Physical> resources) {
    }

    private final Path dir;
    private final List<Path> written = new ArrayList<>();

    StackFiles(Path dir) {
        this.dir = dir;
    }

    /**
     * What outputs.json holds: the API URL, the emulator, the names of tables, buckets, queues and
     * topics, the user pool and its client, and the template's Outputs (an API's URL is the local one).
     */
    static ObjectNode outputs(Template template, Intrinsics intrinsics, StackSettings settings,
                              Map<String, Physical> resources, String endpoint, String apiUrl) {
        ObjectNode out = JSON.createObjectNode();
        if (apiUrl != null) {
            out.put("apiUrl", apiUrl);
        }
        out.put("awsEndpoint", endpoint);
        out.put("region", settings.region());
        out.put("accountId", settings.accountId());
        out.put("stackName", settings.stackName());
        ObjectNode tables = JSON.createObjectNode();
        ObjectNode buckets = JSON.createObjectNode();
        ObjectNode queues = JSON.createObjectNode();
        ObjectNode topics = JSON.createObjectNode();
        resources.forEach((id, physical) -> {
            switch (physical.type()) {
                case "AWS::DynamoDB::Table" -> tables.put(id, physical.ref());
                case "AWS::S3::Bucket" -> buckets.put(id, physical.ref());
                case "AWS::SQS::Queue" -> queues.put(id, physical.ref());
                case "AWS::SNS::Topic" -> topics.put(id, physical.ref());
                case "AWS::Cognito::UserPool" -> {
                    if (!out.has("userPoolId")) {
                        out.put("userPoolId", physical.ref());
                    }
                }
                case "AWS::Cognito::UserPoolClient" -> {
                    if (!out.has("userPoolClientId")) {
                        out.put("userPoolClientId", physical.ref());
                    }
                }
                default -> {
                }
            }
        });
        if (!buckets.isEmpty()) {
            out.put("mediaBucket", buckets.properties().iterator().next().getValue().asText());
        }
        out.set("tables", tables);
        out.set("buckets", buckets);
        out.set("queues", queues);
        if (!topics.isEmpty()) {
            out.set("topics", topics);
        }
        ObjectNode templateOutputs = out.putObject("outputs");
        Set<String> apis = HttpApis.ids(template);
        template.section("Outputs").forEach((name, body) -> {
            Object value = body instanceof Map<?, ?> m ? m.get("Value") : null;
            if (apiUrl != null && Template.references(value).stream().anyMatch(apis::contains)) {
                templateOutputs.put(name, apiUrl);
                return;
            }
            try {
                templateOutputs.put(name, intrinsics.string(value));
            } catch (TemplateException e) {
                RuntimeLog.warn("output " + name + " has no local value: " + e.getMessage());
            }
        });
        return out;
    }

    /** Writes outputs.json, then state.json. */
    void write(ObjectNode outputs, State state) {
        try {
            Files.createDirectories(dir);
            Path outputsFile = dir.resolve("outputs.json");
            Files.writeString(outputsFile, JSON.writeValueAsString(outputs) + "\n");
            written.add(outputsFile);
            ObjectNode node = JSON.createObjectNode();
            node.put("endpoint", state.endpoint());
            node.put("apiId", state.apiId());
            if (state.apiUrl() != null) {
                node.put("apiUrl", state.apiUrl());
            }
            node.put("pid", ProcessHandle.current().pid());
            node.set("parameters", JSON.valueToTree(state.parameters()));
            ObjectNode resourceNode = node.putObject("resources");
            state.resources().forEach((id, physical) -> resourceNode.set(id, JSON.valueToTree(physical)));
            Path stateFile = dir.resolve("state.json");
            Files.writeString(stateFile, JSON.writeValueAsString(node) + "\n");
            written.add(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's state under " + dir, e);
        }
    }

    /** Removes the files {@link #write} wrote. */
    void delete() {
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // stale state is detected by the endpoint check anyway
            }
        }
    }

    /** The state.json a stack wrote: its parameters as they were (lists stay lists), its resources. */
    static State read(Path stateFile) {
        JsonNode state;
        try {
            state = new ObjectMapper().readTree(stateFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        state.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().isArray()
                ? JSON.convertValue(e.getValue(), List.class) : e.getValue().asText()));
        Map<String, Physical> resources = new LinkedHashMap<>();
        state.path("resources").properties().forEach(e -> {
            JsonNode r = e.getValue();
            Map<String, String> attributes = new LinkedHashMap<>();
            r.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
            resources.put(e.getKey(), new Physical(r.path("type").asText(), r.path("ref").asText(), attributes,
                    r.path("emulated").asBoolean(true)));
        });
        return new State(state.path("endpoint").asText(), state.path("apiId").asText(null),
                state.path("apiUrl").isTextual() ? state.path("apiUrl").asText() : null, parameters, resources);
    }

    /** The endpoint of a stack `make dev` runs, if its state file is there and the emulator answers. */
    static String runningEndpoint(Path stateFile) {
        if (!Files.isRegularFile(stateFile)) {
            return null;
        }
        try {
            String endpoint = new ObjectMapper().readTree(stateFile.toFile()).path("endpoint").asText(null);
            return endpoint != null && answers(endpoint) ? endpoint : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The outputs.json of the stack `make dev` runs; refused when there is none or its emulator does not answer. */
    static JsonNode runningOutputs(Path outputsFile) {
        if (!Files.isRegularFile(outputsFile)) {
            throw new IllegalStateException("no " + outputsFile + ": start the stack first with `make dev`");
        }
        JsonNode outputs;
        try {
            outputs = new ObjectMapper().readTree(outputsFile.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + outputsFile + ": " + e.getMessage());
        }
        String endpoint = outputs.path("awsEndpoint").asText();
        if (!answers(endpoint)) {
            throw new IllegalStateException("the emulator at " + endpoint + " does not answer: is `make dev` running?");
        }
        return outputs;
    }

    /** Whether something answers HTTP at the endpoint. */
    private static boolean answers(String endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(3000);
            connection.getResponseCode();
            connection.disconnect();
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
