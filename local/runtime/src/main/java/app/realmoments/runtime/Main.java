package app.realmoments.runtime;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.runtime.lambda.Console;
import app.realmoments.runtime.lambda.Invocation;
import app.realmoments.runtime.lambda.Isolation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of the local runtime (what the Makefile calls):
 * <pre>
 * java -jar runtime.jar dev    [--port 3000] [--emulator-port 4566] [--endpoint URL] [--parameters K=V,...] [--in-process | --no-aot] [--root DIR]
 * java -jar runtime.jar invoke --function LogicalId --event events/x.json [--emulator-port N] [--in-process | --no-aot] [--root DIR]
 * java -jar runtime.jar token  --user alice [--groups admins,moderators] [--root DIR]
 * </pre>
 */
public final class Main {

    private static final String USAGE = """
            usage: java -jar runtime.jar <command> [options]
              dev     --port 3000 --emulator-port 4566 [--endpoint URL]   run the whole stack locally
                      [--parameters Name=Value,...]                  template parameters (the rest: their Default)
              invoke  --function <LogicalId> --event <file.json> [--emulator-port N]
                                                                        run one function once, print its answer
              token   --user <name> [--groups admins,moderators]         print an ID token of a local user
                                                                        (in those Cognito groups)
            common: --root <dir> (the repository; default: the nearest folder with template.yaml)
            dev and invoke run each function container in a JVM of its own, with an AOT cache per function
            jar kept in .local/aot (trained by the first container, rebuilt when the jar changes):
              --in-process   run every function in the runtime's own JVM instead (each in its own class loader)
              --no-aot       container JVMs without the AOT cache
            """;
    /** Flags that take no value. */
    private static final Set<String> SWITCHES = Set.of("in-process", "no-aot");

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        Map<String, String> flags;
        try {
            flags = flags(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        int code;
        try {
            code = switch (args[0]) {
                case "dev" -> dev(flags);
                case "invoke" -> invoke(flags);
                case "token" -> token(flags);
                default -> {
                    System.err.println("unknown command " + args[0]);
                    System.err.print(USAGE);
                    yield 2;
                }
            };
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            if (System.getenv("RUNTIME_DEBUG") != null) {
                e.printStackTrace();
            }
            code = 1;
        }
        System.exit(code);
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (SWITCHES.contains(name)) {
                value = "true";
            } else if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            flags.put(name, value);
        }
        return flags;
    }

    private static Path root(Map<String, String> flags) {
        return flags.containsKey("root") ? Path.of(flags.get("root")).toAbsolutePath().normalize() : DevStack.findRoot();
    }

    /** Where functions run: a JVM per container with the AOT cache unless the flags say otherwise. */
    private static Isolation isolation(Map<String, String> flags, Path root) {
        if (flags.containsKey("in-process")) {
            if (flags.containsKey("no-aot")) {
                throw new IllegalArgumentException("--no-aot is about container JVMs; --in-process has none");
            }
            return Isolation.inProcess();
        }
        Isolation process = Isolation.process(root.resolve(".local/aot"));
        return flags.containsKey("no-aot") ? process.withoutAotCache() : process;
    }

    /** {@code Name=Value,Name=Value} (a value holds no comma; ARNs and zones do not). */
    private static Map<String, String> parameters(String given) {
        Map<String, String> values = new HashMap<>();
        if (given == null || given.isBlank()) {
            return values;
        }
        for (String pair : given.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--parameters takes Name=Value,Name=Value; got " + pair);
            }
            values.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return values;
    }

    private static int port(Map<String, String> flags, String name, int fallback) {
        String value = flags.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, got " + value);
        }
    }

    // ------------------------------------------------------------------ dev

    private static int dev(Map<String, String> flags) {
        Console.install(System.out, System.err);
        Path root = root(flags);
        String endpoint = flags.getOrDefault("endpoint", blankToNull(System.getenv("AWS_ENDPOINT_URL")));
        DevStack.Options options = DevStack.Options.builder(root)
                .httpPort(port(flags, "port", 3000))
                .emulatorPort(port(flags, "emulator-port", 4566))
                .endpoint(endpoint)
                .stateDir(root.resolve(".local"))
                .emulatorLog(root.resolve(".local/emulator.log"))
                .isolation(isolation(flags, root))
                .parameters(parameters(flags.get("parameters")))
                .build();
        if (endpoint == null && !free(options.emulatorPort())) {
            throw new IllegalStateException("port " + options.emulatorPort() + " is taken (another `make dev`? an"
                    + " emulator already running? then pass --endpoint http://127.0.0.1:" + options.emulatorPort()
                    + ", or choose EMULATOR_PORT=...)");
        }
        RuntimeLog.info(endpoint == null ? "starting moto on 127.0.0.1:" + options.emulatorPort()
                + " (log: .local/emulator.log)" : "using the emulator at " + endpoint);
        DevStack stack = DevStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RuntimeLog.info("stopping");
            stack.close();
            stopped.countDown();
        }, "runtime-stop"));
        banner(stack);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void banner(DevStack stack) {
        JsonNode out = stack.outputs();
        String endpoint = stack.endpoint();
        String pool = out.path("userPoolId").asText();
        String client = out.path("userPoolClientId").asText();
        String user = "alice@example.edu";
        String aws = "AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local .venv/bin/aws --region "
                + out.path("region").asText() + " --endpoint-url " + endpoint + " cognito-idp";
        String text = """

                  Real Moments is running locally
                    API          %s   (try: curl %s/health)
                    AWS emulator %s   (AWS_ENDPOINT_URL; every name is in .local/outputs.json)
                    Functions    %s

                  A token for a local user (created on first use; "alice" is alice@example.edu):
                    TOKEN=$(make -s token NAME=alice)
                    curl -H "Authorization: Bearer $TOKEN" %s/me
                  or by hand with the AWS CLI:
                    %s admin-create-user --user-pool-id %s --username %s --message-action SUPPRESS \\
                        --user-attributes Name=email,Value=%s Name=email_verified,Value=true
                    %s admin-set-user-password --user-pool-id %s --username %s --password '%s' --permanent
                    %s initiate-auth --client-id %s --auth-flow USER_PASSWORD_AUTH \\
                        --auth-parameters 'USERNAME=%s,PASSWORD=%s' --query AuthenticationResult.IdToken --output text

                  Ctrl-C stops the API, the event pumps and the emulator.
                """.formatted(stack.apiUrl(), stack.apiUrl(), endpoint, functions(stack.options().isolation()),
                stack.apiUrl(),
                aws, pool, user, user,
                aws, pool, user, Tokens.PASSWORD,
                aws, client, user, Tokens.PASSWORD);
        System.out.println(text);
    }

    private static String functions(Isolation isolation) {
        if (!isolation.process()) {
            return "in this JVM, each in its own class loader (--in-process)";
        }
        return "a JVM per container" + (isolation.aotCache() ? ", AOT cache per function jar in .local/aot"
                + " (made by its first container)" : ", no AOT cache (--no-aot)");
    }

    // ------------------------------------------------------------------ invoke

    private static int invoke(Map<String, String> flags) {
        String function = flags.get("function");
        String eventFile = flags.get("event");
        if (function == null || eventFile == null) {
            throw new IllegalArgumentException("invoke needs --function <LogicalId> and --event <file.json>");
        }
        Path root = root(flags);
        Path event = Path.of(eventFile);
        if (!Files.isRegularFile(event)) {
            event = root.resolve(eventFile);
        }
        String json;
        try {
            json = Files.readString(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the event " + eventFile + ": " + e.getMessage());
        }
        // stdout gets the function's answer alone; its logs and ours go to stderr.
        PrintStream stdout = System.out;
        RuntimeLog.to(System.err);
        Console.install(System.err, System.err);
        DevStack.Options.Builder options = DevStack.Options.builder(root).http(false).pumps(false).quiet(true)
                .isolation(isolation(flags, root));
        Path state = root.resolve(".local/state.json");
        DevStack stack;
        String running = StackFiles.runningEndpoint(state);
        if (running != null) {
            RuntimeLog.info("using the running stack (emulator " + running + ")");
            stack = DevStack.attach(options.build(), state);
        } else {
            String endpoint = blankToNull(System.getenv("AWS_ENDPOINT_URL"));
            int port = port(flags, "emulator-port", 0);
            options.endpoint(endpoint)
                    .emulatorPort(port != 0 && free(port) ? port : 0)
                    .emulatorLog(root.resolve(".local/invoke-emulator.log"));
            RuntimeLog.info(endpoint == null ? "no running stack: starting a temporary emulator" : "using " + endpoint);
            stack = DevStack.start(options.build());
        }
        try (stack) {
            Invocation invocation = stack.invoke(function, json);
            stdout.println(invocation.response());
            stdout.flush();
            return invocation.failed() ? 1 : 0;
        }
    }

    // ------------------------------------------------------------------ token

    private static int token(Map<String, String> flags) {
        String user = flags.get("user");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("token needs --user <name>");
        }
        JsonNode outputs = StackFiles.runningOutputs(root(flags).resolve(".local/outputs.json"));
        try (Aws aws = new Aws(outputs.path("awsEndpoint").asText(), outputs.path("region").asText("us-east-1"))) {
            String groups = flags.getOrDefault("groups", "");
            Tokens.Login login = Tokens.login(aws.cognito(), outputs.path("userPoolId").asText(),
                    outputs.path("userPoolClientId").asText(), user,
                    Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList());
            System.out.println(login.idToken());
        }
        return 0;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
