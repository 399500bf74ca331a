package app.realmoments.runtime;

import app.realmoments.emulator.Emulator;
import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.provision.Physical;
import app.realmoments.emulator.provision.Provisioner;
import app.realmoments.emulator.provision.StackResources;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Parameters;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import app.realmoments.emulator.template.TemplateException;
import app.realmoments.runtime.events.EventJson;
import app.realmoments.runtime.events.Pump;
import app.realmoments.runtime.events.S3Pump;
import app.realmoments.runtime.events.SqsPump;
import app.realmoments.runtime.events.StreamPump;
import app.realmoments.runtime.gateway.ApiGateway;
import app.realmoments.runtime.gateway.Jwks;
import app.realmoments.runtime.gateway.JwtAuthorizer;
import app.realmoments.runtime.gateway.JwtVerifier;
import app.realmoments.runtime.gateway.Route;
import app.realmoments.runtime.gateway.RouteTable;
import app.realmoments.runtime.lambda.FunctionSpec;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.Isolation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.FilterRule;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The whole stack of template.yaml running locally: the emulator (moto, or any AWS-compatible
 * endpoint), the template's resources created in it, every function loaded from its jar, the HTTP API
 * on 127.0.0.1 and the event pumps (S3 notifications, DynamoDB streams, SQS). What {@code make dev}
 * runs, and what integration tests start:
 *
 * <pre>{@code
 * try (LocalStack stack = LocalStack.start(LocalStack.Options.forRepository())) {
 *     String token = stack.token("alice");
 *     // call stack.apiUrl() + "/me" with "Authorization: Bearer " + token
 * }
 * }</pre>
 */
public final class LocalStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The implicit API SAM creates for HttpApi events without an ApiId. */
    private static final String IMPLICIT_API = "ServerlessHttpApi";

    /**
     * How to run the stack: {@link #forRepository()} or {@link #forRoot} for the defaults (free ports, the
     * HTTP API and the pumps, nothing written, functions in this JVM), {@link #builder} to change some.
     *
     * @param root         the repository: CodeUri paths are relative to it
     * @param template     the SAM template
     * @param httpPort     the HTTP API's port on 127.0.0.1; 0 picks a free one
     * @param emulatorPort moto's port; 0 picks a free one
     * @param endpoint     an emulator already running (LocalStack, moto ...): none is started; null to start moto
     * @param stateDir     where to write outputs.json and state.json (null: nowhere)
     * @param emulatorLog  moto's log file (null: discarded)
     * @param http         whether to serve the HTTP API
     * @param pumps        whether to run the event pumps
     * @param quiet        no access log lines
     * @param parameters   values of the template's Parameters (the rest take their defaults)
     * @param isolation    where the functions' containers run: in this JVM (the default, for tests' speed) or
     *                     each in a JVM of its own with an AOT cache per function jar ({@code make dev})
     */
    public record Options(Path root, Path template, int httpPort, int emulatorPort, String endpoint, Path stateDir,
                          Path emulatorLog, boolean http, boolean pumps, boolean quiet,
                          Map<String, String> parameters, Isolation isolation) {

        public Options {
            root = root.toAbsolutePath().normalize();
            template = template == null ? root.resolve("template.yaml") : template.toAbsolutePath().normalize();
            parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
            isolation = isolation == null ? Isolation.inProcess() : isolation;
        }

        /** The repository around the working directory (or -Dproject.root): free ports, no files written. */
        public static Options forRepository() {
            return builder().build();
        }

        public static Options forRoot(Path root) {
            return builder(root).build();
        }

        /** The defaults of {@link #forRepository()}, to change some. */
        public static Builder builder() {
            return builder(findRoot());
        }

        /** The defaults of {@link #forRoot}, to change some. */
        public static Builder builder(Path root) {
            return new Builder(root);
        }

        /** Options set one by one; each one not set keeps its default. */
        public static final class Builder {

            private final Path root;
            private Path template;
            private int httpPort;
            private int emulatorPort;
            private String endpoint;
            private Path stateDir;
            private Path emulatorLog;
            private boolean http = true;
            private boolean pumps = true;
            private boolean quiet;
            private Map<String, String> parameters = Map.of();
            private Isolation isolation = Isolation.inProcess();

            private Builder(Path root) {
                this.root = root;
            }

            public Builder template(Path file) {
                template = file;
                return this;
            }

            public Builder httpPort(int port) {
                httpPort = port;
                return this;
            }

            public Builder emulatorPort(int port) {
                emulatorPort = port;
                return this;
            }

            public Builder endpoint(String url) {
                endpoint = url;
                return this;
            }

            public Builder stateDir(Path dir) {
                stateDir = dir;
                return this;
            }

            public Builder emulatorLog(Path file) {
                emulatorLog = file;
                return this;
            }

            public Builder http(boolean serve) {
                http = serve;
                return this;
            }

            public Builder pumps(boolean run) {
                pumps = run;
                return this;
            }

            public Builder quiet(boolean noAccessLog) {
                quiet = noAccessLog;
                return this;
            }

            public Builder parameters(Map<String, String> values) {
                parameters = values;
                return this;
            }

            public Builder isolation(Isolation containers) {
                isolation = containers;
                return this;
            }

            public Options build() {
                return new Options(root, template, httpPort, emulatorPort, endpoint, stateDir, emulatorLog, http, pumps,
                        quiet, parameters, isolation);
            }
        }
    }

    /** A Schedule / ScheduleV2 event of a function, fired by hand through POST /_local/schedules/{function}. */
    public record Schedule(String function, String event, String type, String expression, String input) {
    }

    private final Options options;
    private final Template template;
    private final StackSettings settings = StackSettings.LOCAL;
    private final StackResources resources = new StackResources(settings);
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final List<Pump> pumps = new ArrayList<>();
    private final List<Schedule> schedules = new ArrayList<>();
    private final List<Consumer<Invocation>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Path> written = new ArrayList<>();
    private Emulator emulator;
    private Aws aws;
    private ApiGateway gateway;
    private Intrinsics intrinsics;
    private Map<String, Object> parameters;
    private String apiId;
    private String apiUrl;
    private ObjectNode outputs;
    private volatile boolean closed;

    private LocalStack(Options options) {
        this.options = options;
        this.template = Template.read(options.template());
    }

    /** Starts the emulator (unless options name one), provisions, loads the functions, serves, pumps. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.boot();
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    /**
     * The functions of a stack another process runs (its state.json): same endpoint, same resources and
     * parameters, nothing provisioned, served or pumped. For {@code invoke} next to {@code make dev}.
     */
    public static LocalStack attach(Options options, Path stateFile) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.attachTo(stateFile);
            return stack;
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
    }

    private void boot() {
        long started = System.nanoTime();
        String endpoint = options.endpoint();
        if (endpoint == null) {
            int port = options.emulatorPort() == 0 ? Emulator.freePort() : options.emulatorPort();
            emulator = Emulator.start(port, options.emulatorLog());
            endpoint = emulator.endpoint();
        }
        aws = new Aws(endpoint, settings.region());
        apiId = randomId();
        if (options.http()) {
            try {
                gateway = new ApiGateway(options.httpPort(), settings.accountId(), apiId);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on 127.0.0.1:" + options.httpPort()
                        + " (is another `make dev` running? choose another PORT)", e);
            }
            gateway.quiet(options.quiet());
            apiUrl = gateway.url();
        }
        parameters = Parameters.values(template, options.parameters());
        intrinsics = new Intrinsics(template, settings, parameters, resources);
        new Provisioner(aws, settings, template, intrinsics, resources, apiId).provisionAll();
        loadFunctions();
        if (gateway != null) {
            configureGateway();
        }
        if (options.pumps()) {
            startPumps();
        }
        outputs = buildOutputs();
        if (gateway != null) {
            gateway.start(); // only now: its internal routes read the schedules and outputs set up above
        }
        if (options.stateDir() != null) {
            writeState();
        }
        RuntimeLog.info("stack ready in " + (System.nanoTime() - started) / 1_000_000 + " ms: " + functions.size()
                + " functions, " + pumps.size() + " event pumps" + (apiUrl == null ? "" : ", API on " + apiUrl));
    }

    private void attachTo(Path stateFile) {
        JsonNode state;
        try {
            state = new ObjectMapper().readTree(stateFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stateFile, e);
        }
        aws = new Aws(state.path("endpoint").asText(), settings.region());
        apiId = state.path("apiId").asText(randomId());
        apiUrl = state.path("apiUrl").isTextual() ? state.path("apiUrl").asText() : null;
        parameters = new LinkedHashMap<>();
        state.path("parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().isArray()
                ? JSON.convertValue(e.getValue(), List.class) : e.getValue().asText()));
        state.path("resources").properties().forEach(e -> {
            JsonNode r = e.getValue();
            Map<String, String> attributes = new LinkedHashMap<>();
            r.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
            resources.put(e.getKey(), new Physical(r.path("type").asText(), r.path("ref").asText(), attributes,
                    r.path("emulated").asBoolean(true)));
        });
        intrinsics = new Intrinsics(template, settings, parameters, resources);
        loadFunctions();
        outputs = buildOutputs();
    }

    // ------------------------------------------------------------------ functions

    private void loadFunctions() {
        List<String> missing = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::Serverless::Function")) {
            if (!intrinsics.enabled(resource)) {
                continue;
            }
            FunctionSpec spec = FunctionSpec.of(resource, intrinsics, resources.ref(resource.logicalId()));
            Path jar = options.root().resolve(spec.codeUri()).normalize();
            LocalFunction function = new LocalFunction(spec, jar, lambdaEnvironment(spec, jar),
                    resources.getAtt(resource.logicalId(), "Arn"), options.isolation());
            function.onInvocation(invocation -> listeners.forEach(l -> l.accept(invocation)));
            functions.put(spec.logicalId(), function);
            if (!function.jarExists()) {
                missing.add(spec.logicalId() + " (" + spec.codeUri() + ")");
            }
        }
        if (!missing.isEmpty()) {
            RuntimeLog.warn("not built yet, run `make build`: " + String.join(", ", missing)
                    + "; calling them fails and their event sources wait until then");
        }
    }

    /** The function's template variables plus what Lambda sets for every function. */
    private Map<String, String> lambdaEnvironment(FunctionSpec spec, Path jar) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("AWS_ACCESS_KEY_ID", Aws.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", Aws.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL", aws.endpoint());
        env.putAll(spec.lambdaVariables());
        env.put("LAMBDA_TASK_ROOT", jar.getParent() == null ? "." : jar.getParent().toString());
        env.put("TZ", ":UTC");
        return env;
    }

    // ------------------------------------------------------------------ HTTP API

    private void configureGateway() {
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Template.Resource api : template.resourcesOfType("AWS::Serverless::HttpApi")) {
            if (intrinsics.enabled(api)) {
                configureAuth(api.logicalId(), intrinsics.resolve(api.properties().get("Auth")), authorizers, defaults);
            }
        }
        Object implicit = template.section("Globals").get("HttpApi");
        if (implicit instanceof Map<?, ?> globals) {
            configureAuth(IMPLICIT_API, intrinsics.resolve(globals.get("Auth")), authorizers, defaults);
        }
        List<Route> routes = new ArrayList<>();
        for (LocalFunction function : functions.values()) {
            for (FunctionSpec.EventSource event : function.spec().events().values()) {
                if (!event.type().equals("HttpApi")) {
                    continue;
                }
                String api = IMPLICIT_API;
                if (event.raw().get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id) {
                    api = id;
                }
                Map<String, Object> p = event.properties();
                String path = p.get("Path") == null ? null : String.valueOf(p.get("Path"));
                String method = p.get("Method") == null ? "ANY" : String.valueOf(p.get("Method"));
                if (path == null || path.equals("$default")) {
                    RuntimeLog.warn(function.spec().logicalId() + "." + event.name()
                            + ": a $default route is not served locally");
                    continue;
                }
                String authorizer = defaults.get(api);
                List<String> scopes = List.of();
                if (p.get("Auth") instanceof Map<?, ?> auth) {
                    if (auth.get("Authorizer") != null) {
                        String name = String.valueOf(auth.get("Authorizer"));
                        authorizer = name.equals("NONE") ? null : name;
                    }
                    if (auth.get("AuthorizationScopes") instanceof List<?> list) {
                        scopes = list.stream().map(String::valueOf).toList();
                    }
                }
                routes.add(new Route(method, path, function.spec().logicalId(),
                        authorizer == null ? null : api + "/" + authorizer, scopes));
            }
        }
        for (Route route : routes) {
            if (route.authorizer() != null && !authorizers.containsKey(route.authorizer())) {
                throw new TemplateException("route " + route.routeKey() + " names the authorizer "
                        + route.authorizer() + ", which its API does not define");
            }
        }
        gateway.configure(new RouteTable(routes), authorizers, functions::get);
        gateway.internal("/_local/schedules/", this::fireSchedule);
        gateway.internal("/_local/outputs", exchange -> respond(exchange, 200, JSON.writeValueAsString(outputs)));
    }

    private void configureAuth(String api, Object auth, Map<String, JwtAuthorizer> authorizers,
                               Map<String, String> defaults) {
        if (!(auth instanceof Map<?, ?> config)) {
            return;
        }
        if (config.get("DefaultAuthorizer") != null) {
            defaults.put(api, String.valueOf(config.get("DefaultAuthorizer")));
        }
        if (!(config.get("Authorizers") instanceof Map<?, ?> all)) {
            return;
        }
        all.forEach((name, body) -> {
            String key = api + "/" + name;
            Map<?, ?> authorizer = body instanceof Map<?, ?> m ? m : Map.of();
            if (!(authorizer.get("JwtConfiguration") instanceof Map<?, ?> jwt)) {
                RuntimeLog.warn("authorizer " + key + " is not a JWT authorizer: not emulated, its routes answer 401");
                authorizers.put(key, new JwtAuthorizer(key, "Authorization",
                        new JwtVerifier("not-emulated", Set.of(), kid -> null, Clock.systemUTC())));
                return;
            }
            String header = JwtAuthorizer.header(authorizer.get("IdentitySource") == null ? null
                    : String.valueOf(authorizer.get("IdentitySource")));
            String issuer = String.valueOf(jwt.get("issuer"));
            Set<String> audiences = new LinkedHashSet<>();
            if (jwt.get("audience") instanceof Collection<?> list) {
                list.forEach(a -> audiences.add(String.valueOf(a)));
            } else if (jwt.get("audience") != null) {
                audiences.add(String.valueOf(jwt.get("audience")));
            }
            Jwks keys = Jwks.forUserPool(aws.endpoint(), JwtVerifier.userPoolId(issuer));
            authorizers.put(key, new JwtAuthorizer(key, header, new JwtVerifier(issuer, audiences, keys, Clock.systemUTC())));
        });
    }

    // ------------------------------------------------------------------ event sources

    private void startPumps() {
        Map<String, List<QueueConfiguration>> notifications = new LinkedHashMap<>();
        for (LocalFunction function : functions.values()) {
            FunctionSpec spec = function.spec();
            for (FunctionSpec.EventSource event : spec.events().values()) {
                Map<String, Object> p = event.properties();
                if ("false".equalsIgnoreCase(String.valueOf(p.get("Enabled")))) {
                    continue;
                }
                if (p.get("FilterCriteria") != null) {
                    RuntimeLog.warn(spec.logicalId() + "." + event.name() + ": FilterCriteria is not emulated, every"
                            + " record is delivered");
                }
                switch (event.type()) {
                    case "S3" -> s3Source(function, event, notifications);
                    case "DynamoDB" -> pumps.add(new StreamPump(aws, function, text(p, "Stream"),
                            text(p, "StartingPosition") == null ? "TRIM_HORIZON" : text(p, "StartingPosition"),
                            integer(p, "BatchSize", 100), integer(p, "MaximumRetryAttempts", -1),
                            responseTypes(p).contains("ReportBatchItemFailures"),
                            Boolean.parseBoolean(text(p, "BisectBatchOnFunctionError")),
                            onFailureQueue(spec.logicalId(), FunctionSpec.onFailure(p.get("DestinationConfig")))));
                    case "SQS" -> {
                        String arn = text(p, "Queue");
                        pumps.add(new SqsPump(aws, function, queueUrl(arn), arn, integer(p, "BatchSize", 10),
                                responseTypes(p).contains("ReportBatchItemFailures")));
                    }
                    case "Schedule", "ScheduleV2" -> schedules.add(new Schedule(spec.logicalId(), event.name(),
                            event.type(), text(p, "Schedule") != null ? text(p, "Schedule") : text(p, "ScheduleExpression"),
                            text(p, "Input")));
                    case "HttpApi" -> {
                        // served by the gateway
                    }
                    default -> RuntimeLog.warn(spec.logicalId() + "." + event.name() + ": event type " + event.type()
                            + " is not emulated");
                }
            }
        }
        notifications.forEach((bucket, configurations) -> aws.s3().putBucketNotificationConfiguration(b -> b
                .bucket(bucket).notificationConfiguration(n -> n.queueConfigurations(configurations))));
        pumps.forEach(Pump::start);
        if (!schedules.isEmpty()) {
            RuntimeLog.info("schedules do not fire by themselves locally; fire one with: curl -X POST "
                    + (apiUrl == null ? "" : apiUrl) + "/_local/schedules/<Function>[/<Event>] ("
                    + schedules.stream().map(s -> s.function() + "/" + s.event() + " " + s.expression()).toList() + ")");
        }
    }

    private void s3Source(LocalFunction function, FunctionSpec.EventSource event,
                          Map<String, List<QueueConfiguration>> notifications) {
        Map<String, Object> p = event.properties();
        String bucket = text(p, "Bucket");
        String queueName = "local-s3-events-" + function.spec().logicalId();
        int visibility = Math.max(60, function.spec().timeoutSeconds() * 3 + 10);
        String queueUrl = aws.sqs().createQueue(b -> b.queueName(queueName)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(visibility)))).queueUrl();
        String queueArn = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN);
        List<String> events = p.get("Events") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(p.get("Events")));
        List<FilterRule> rules = new ArrayList<>();
        if (p.get("Filter") instanceof Map<?, ?> filter && filter.get("S3Key") instanceof Map<?, ?> key
                && key.get("Rules") instanceof List<?> list) {
            for (Object rule : list) {
                if (rule instanceof Map<?, ?> r) {
                    rules.add(FilterRule.builder().name(String.valueOf(r.get("Name")))
                            .value(String.valueOf(r.get("Value"))).build());
                }
            }
        }
        QueueConfiguration.Builder configuration = QueueConfiguration.builder()
                .id(function.spec().logicalId() + "-" + event.name())
                .queueArn(queueArn).eventsWithStrings(events);
        if (!rules.isEmpty()) {
            configuration.filter(f -> f.key(k -> k.filterRules(rules)));
        }
        notifications.computeIfAbsent(bucket, b -> new ArrayList<>()).add(configuration.build());
        if (!pumps.stream().anyMatch(pump -> pump.name().equals(function.spec().logicalId() + "<-s3"))) {
            pumps.add(new S3Pump(aws, function, queueUrl, settings.accountId(),
                    onFailureQueue(function.spec().logicalId(), function.spec().async().onFailure())));
        }
    }

    /** The queue URL of an OnFailure destination ARN; null without one, or (said now) for a type not emulated. */
    private String onFailureQueue(String function, String destination) {
        if (destination == null) {
            return null;
        }
        if (!destination.startsWith("arn:") || !destination.split(":", 6)[2].equals("sqs")) {
            RuntimeLog.warn(function + ": only SQS OnFailure destinations are emulated, not " + destination
                    + "; events it gives up on are dropped");
            return null;
        }
        return queueUrl(destination);
    }

    private String queueUrl(String arn) {
        for (Physical physical : resources.all().values()) {
            if (physical.type().equals("AWS::SQS::Queue") && arn.equals(physical.attributes().get("Arn"))) {
                return physical.ref();
            }
        }
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        return aws.sqs().getQueueUrl(b -> b.queueName(name)).queueUrl();
    }

    /** POST /_local/schedules/{Function}[/{Event}]: runs the function now with its schedule's event. */
    private void fireSchedule(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            respond(exchange, 405, "{\"message\":\"use POST\"}");
            return;
        }
        String[] parts = exchange.getRequestURI().getPath().substring("/_local/schedules/".length()).split("/");
        Schedule schedule = schedules.stream().filter(s -> s.function().equals(parts[0])
                && (parts.length < 2 || s.event().equals(parts[1]))).findFirst().orElse(null);
        if (schedule == null) {
            var body = JSON.createObjectNode().put("message", "no schedule " + String.join("/", parts));
            body.set("schedules", JSON.valueToTree(schedules));
            respond(exchange, 404, body.toString()); // toString: compact, whatever JSON indents
            return;
        }
        Invocation invocation = fire(schedule);
        respond(exchange, invocation.failed() ? 500 : 200, invocation.response());
    }

    /** Invokes a schedule's function with what the schedule would deliver. */
    public Invocation fire(Schedule schedule) {
        String event = schedule.input() != null ? schedule.input()
                : EventJson.scheduledEvent(settings.arn("events", "rule/" + settings.stackName() + "-"
                + schedule.function() + schedule.event()), settings.accountId(), settings.region(), Instant.now()).toString();
        return invoke(schedule.function(), event);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // ------------------------------------------------------------------ outputs

    private ObjectNode buildOutputs() {
        ObjectNode out = JSON.createObjectNode();
        if (apiUrl != null) {
            out.put("apiUrl", apiUrl);
        }
        out.put("awsEndpoint", aws.endpoint());
        out.put("region", settings.region());
        out.put("accountId", settings.accountId());
        out.put("stackName", settings.stackName());
        ObjectNode tables = JSON.createObjectNode();
        ObjectNode buckets = JSON.createObjectNode();
        ObjectNode queues = JSON.createObjectNode();
        ObjectNode topics = JSON.createObjectNode();
        resources.all().forEach((id, physical) -> {
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
        Set<String> apis = new LinkedHashSet<>(List.of(IMPLICIT_API));
        template.resourcesOfType("AWS::Serverless::HttpApi").forEach(r -> apis.add(r.logicalId()));
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

    private void writeState() {
        try {
            Files.createDirectories(options.stateDir());
            Path outputsFile = options.stateDir().resolve("outputs.json");
            Files.writeString(outputsFile, JSON.writeValueAsString(outputs) + "\n");
            written.add(outputsFile);
            ObjectNode state = JSON.createObjectNode();
            state.put("endpoint", aws.endpoint());
            state.put("apiId", apiId);
            if (apiUrl != null) {
                state.put("apiUrl", apiUrl);
            }
            state.put("pid", ProcessHandle.current().pid());
            state.set("parameters", JSON.valueToTree(parameters));
            ObjectNode resourceNode = state.putObject("resources");
            resources.all().forEach((id, physical) -> resourceNode.set(id, JSON.valueToTree(physical)));
            Path stateFile = options.stateDir().resolve("state.json");
            Files.writeString(stateFile, JSON.writeValueAsString(state) + "\n");
            written.add(stateFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stack's state under " + options.stateDir(), e);
        }
    }

    // ------------------------------------------------------------------ the API for tests and the CLI

    /** The HTTP API's base URL, e.g. http://127.0.0.1:3000 (no stage prefix). */
    public String apiUrl() {
        return apiUrl;
    }

    /** The emulator's endpoint (AWS_ENDPOINT_URL). */
    public String endpoint() {
        return aws.endpoint();
    }

    /** What outputs.json holds: URLs, names of tables, buckets, queues, the user pool, the template's Outputs. */
    public ObjectNode outputs() {
        return outputs.deepCopy();
    }

    public Aws aws() {
        return aws;
    }

    /** How the stack was started. */
    public Options options() {
        return options;
    }

    /** The repository (or test root) the stack runs from: CodeUri paths are relative to it. */
    public Path root() {
        return options.root();
    }

    public Template template() {
        return template;
    }

    public Map<String, Physical> resources() {
        return resources.all();
    }

    public Physical physical(String logicalId) {
        return resources.require(logicalId);
    }

    public LocalFunction function(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in the template (functions: "
                    + functions.keySet() + ")");
        }
        return function;
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions);
    }

    /** Runs a function once on an event (JSON text). */
    public Invocation invoke(String function, String eventJson) {
        return function(function).invoke(eventJson);
    }

    /** Called after every invocation of every function. */
    public void onInvocation(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    /** An ID token of the stack's user pool for the user ("alice" is alice@example.edu), created if needed. */
    public String token(String user) {
        return login(user).idToken();
    }

    public Tokens.Login login(String user) {
        if (!outputs.has("userPoolId") || !outputs.has("userPoolClientId")) {
            throw new IllegalStateException("the template has no Cognito user pool and client");
        }
        return Tokens.login(aws.cognito(), outputs.get("userPoolId").asText(), outputs.get("userPoolClientId").asText(),
                user);
    }

    /** Stops the HTTP API, the pumps, the functions and the emulator this stack started. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (gateway != null) {
            gateway.close();
        }
        for (Pump pump : pumps) {
            pump.close();
        }
        for (LocalFunction function : functions.values()) {
            function.close();
        }
        if (aws != null) {
            aws.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        for (Path file : written) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // stale state is detected by the endpoint check anyway
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The folder with template.yaml: -Dproject.root, else the working directory or the nearest one above. */
    public static Path findRoot() {
        return app.realmoments.emulator.provision.ProvisionedStack.findRoot();
    }

    /** Whether something answers HTTP at the endpoint. */
    public static boolean answers(String endpoint) {
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

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String text(Map<String, Object> p, String key) {
        Object value = p.get(key);
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    private static int integer(Map<String, Object> p, String key, int fallback) {
        String value = text(p, key);
        return value == null ? fallback : Integer.parseInt(value.trim());
    }

    private static List<String> responseTypes(Map<String, Object> p) {
        return p.get("FunctionResponseTypes") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
    }
}
