package app.realmoments.runtime;

import app.realmoments.emulator.Emulator;
import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.provision.Physical;
import app.realmoments.emulator.provision.ProvisionedStack;
import app.realmoments.emulator.provision.Provisioner;
import app.realmoments.emulator.provision.StackResources;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Parameters;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import app.realmoments.runtime.events.EventSources;
import app.realmoments.runtime.events.Schedule;
import app.realmoments.runtime.gateway.ApiGateway;
import app.realmoments.runtime.gateway.HttpApis;
import app.realmoments.runtime.gateway.LocalPaths;
import app.realmoments.runtime.lambda.Functions;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.Isolation;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole stack of template.yaml running locally: the emulator (moto, or any AWS-compatible
 * endpoint), the template's resources created in it, every function loaded from its jar, the HTTP API
 * on 127.0.0.1 and the event pumps (S3 notifications, DynamoDB streams, SQS). What {@code make dev}
 * runs, and what integration tests start:
 *
 * <pre>{@code
 * try (DevStack stack = DevStack.start(DevStack.Options.forRepository())) {
 *     String token = stack.token("alice");
 *     // call stack.apiUrl() + "/me" with "Authorization: Bearer " + token
 * }
 * }</pre>
 *
 * It starts the parts in order and stops them: {@link Functions}, {@link HttpApis} (routes, authorizers),
 * {@link EventSources} (pumps, schedules), {@link StackFiles}. Not "LocalStack": that is an emulator it can use.
 */
public final class DevStack implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

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

    private final Options options;
    private final Template template;
    private final StackSettings settings = StackSettings.LOCAL;
    private final StackResources resources = new StackResources(settings);
    private final Functions functions;
    private Emulator emulator;
    private Aws aws;
    private ApiGateway gateway;
    private EventSources events;
    private StackFiles files;
    private LocalEmails emails;
    private String apiUrl;
    private ObjectNode outputs;
    private volatile boolean closed;

    private DevStack(Options options) {
        this.options = options;
        this.template = Template.read(options.template());
        this.functions = new Functions(options.root(), options.isolation());
    }

    /** Starts the emulator (unless options name one), provisions, loads the functions, serves, pumps. */
    public static DevStack start(Options options) {
        return opened(options, DevStack::boot);
    }

    /**
     * The functions of a stack another process runs (its state.json): same endpoint, same resources and
     * parameters, nothing provisioned, served or pumped. For {@code invoke} next to {@code make dev}.
     */
    public static DevStack attach(Options options, Path stateFile) {
        return opened(options, stack -> stack.attachTo(stateFile));
    }

    /** A stack that {@code open} readies; if that fails, whatever it had started is stopped again. */
    private static DevStack opened(Options options, Consumer<DevStack> open) {
        DevStack stack = new DevStack(options);
        try {
            open.accept(stack);
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
        String apiId = randomId();
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
        Map<String, Object> parameters = Parameters.values(template, options.parameters());
        Intrinsics intrinsics = new Intrinsics(template, settings, parameters, resources);
        new Provisioner(aws, settings, template, intrinsics, resources, apiId).provisionAll();
        functions.load(template, intrinsics, resources, settings, aws.endpoint());
        events = new EventSources(aws, settings, resources);
        emails = new LocalEmails(aws.endpoint());
        boolean seedsCampuses = false;
        if (gateway != null) {
            HttpApis apis = HttpApis.of(template, intrinsics,
                    functions.all().values().stream().map(LocalFunction::spec).toList(), aws);
            gateway.configure(apis.routes(), apis.authorizers(), functions.all()::get);
            LocalPaths.serve(gateway, events::schedules, this::fire, () -> outputs, emails::list);
            seedsCampuses = apis.routes().match("PUT", "/admin/campuses/seed").isPresent();
        }
        if (options.pumps()) {
            events.start(functions.all().values(), apiUrl);
        }
        outputs = StackFiles.outputs(template, intrinsics, settings, resources.all(), aws.endpoint(), apiUrl);
        if (gateway != null) {
            gateway.start(); // only now: its internal routes read the schedules and outputs set up above
        }
        CampusSeed.seed(this, seedsCampuses);
        if (!options.quiet()) {
            emails.watch(1000);
        }
        if (options.stateDir() != null) {
            files = new StackFiles(options.stateDir());
            files.write(outputs, new StackFiles.State(aws.endpoint(), apiId, apiUrl, parameters, resources.all()));
        }
        RuntimeLog.info("stack ready in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                + functions.all().size() + " functions, " + events.pumps().size() + " event pumps"
                + (apiUrl == null ? "" : ", API on " + apiUrl));
    }

    private void attachTo(Path stateFile) {
        StackFiles.State state = StackFiles.read(stateFile);
        aws = new Aws(state.endpoint(), settings.region());
        apiUrl = state.apiUrl();
        state.resources().forEach(resources::put);
        Intrinsics intrinsics = new Intrinsics(template, settings, state.parameters(), resources);
        functions.load(template, intrinsics, resources, settings, aws.endpoint());
        outputs = StackFiles.outputs(template, intrinsics, settings, resources.all(), aws.endpoint(), apiUrl);
    }

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
        return functions.get(logicalId);
    }

    public Map<String, LocalFunction> functions() {
        return Map.copyOf(functions.all());
    }

    /** Invokes a schedule's function with what the schedule would deliver. */
    public Invocation fire(Schedule schedule) {
        return invoke(schedule.function(), schedule.payload(settings, Instant.now()));
    }

    /** Runs a function once on an event (JSON text). */
    public Invocation invoke(String function, String eventJson) {
        return function(function).invoke(eventJson);
    }

    /** Every email the stack sent, newest first, as GET /_local/emails answers. */
    public ObjectNode emails() {
        return emails.list();
    }

    /** Called after every invocation of every function. */
    public void onInvocation(Consumer<Invocation> listener) {
        functions.onInvocation(listener);
    }

    /** An ID token of the stack's user pool for the user ("alice" is alice@example.edu), created if needed. */
    public String token(String user) {
        return login(user).idToken();
    }

    public Tokens.Login login(String user) {
        return login(user, List.of());
    }

    /** A login of a user who is in each of the pool's {@code groups} (e.g. "moderators"), created if needed. */
    public Tokens.Login login(String user, List<String> groups) {
        if (!outputs.has("userPoolId") || !outputs.has("userPoolClientId")) {
            throw new IllegalStateException("the template has no Cognito user pool and client");
        }
        return Tokens.login(aws.cognito(), outputs.get("userPoolId").asText(), outputs.get("userPoolClientId").asText(),
                user, groups);
    }

    /** Stops the HTTP API, the pumps, the functions and the emulator this stack started. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (emails != null) {
            emails.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (events != null) {
            events.close();
        }
        functions.close();
        if (aws != null) {
            aws.close();
        }
        if (emulator != null) {
            emulator.close();
        }
        if (files != null) {
            files.delete();
        }
    }

    /** The folder with template.yaml: -Dproject.root, else the working directory or the nearest one above. */
    public static Path findRoot() {
        return ProvisionedStack.findRoot();
    }

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
