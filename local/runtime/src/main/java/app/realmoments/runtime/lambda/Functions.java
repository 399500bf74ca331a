package app.realmoments.runtime.lambda;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.provision.StackResources;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The template's functions by logical id, each loaded from its built jar (CodeUri, relative to the
 * repository) with the environment Lambda gives it. A function whose jar is not built yet is there
 * all the same, and said once: calling it fails until {@code make build} has made the jar.
 */
public final class Functions implements AutoCloseable {

    private final Path root;
    private final Isolation isolation;
    private final Map<String, LocalFunction> byId = new LinkedHashMap<>();
    private final List<Consumer<Invocation>> listeners = new CopyOnWriteArrayList<>();

    /** @param isolation where their containers run */
    public Functions(Path root, Isolation isolation) {
        this.root = root;
        this.isolation = isolation;
    }

    /** Loads every enabled AWS::Serverless::Function; they reach the emulator at {@code endpoint}. */
    public void load(Template template, Intrinsics intrinsics, StackResources resources, StackSettings settings,
                     String endpoint) {
        List<String> missing = new ArrayList<>();
        for (Template.Resource resource : template.resourcesOfType("AWS::Serverless::Function")) {
            if (!intrinsics.enabled(resource)) {
                continue;
            }
            FunctionSpec spec = FunctionSpec.of(resource, intrinsics, resources.ref(resource.logicalId()));
            Path jar = root.resolve(spec.codeUri()).normalize();
            LocalFunction function = new LocalFunction(spec, jar, lambdaEnvironment(spec, jar, settings, endpoint),
                    resources.getAtt(resource.logicalId(), "Arn"), isolation);
            function.onInvocation(invocation -> listeners.forEach(l -> l.accept(invocation)));
            byId.put(spec.logicalId(), function);
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
    private static Map<String, String> lambdaEnvironment(FunctionSpec spec, Path jar, StackSettings settings,
                                                         String endpoint) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        env.put("AWS_ACCESS_KEY_ID", Aws.ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", Aws.SECRET_KEY);
        env.put("AWS_ENDPOINT_URL", endpoint);
        env.putAll(spec.lambdaVariables());
        env.put("LAMBDA_TASK_ROOT", jar.getParent() == null ? "." : jar.getParent().toString());
        env.put("TZ", ":UTC");
        return env;
    }

    /** The function of a logical id; refused, with the ones there are, for one the template does not have. */
    public LocalFunction get(String logicalId) {
        LocalFunction function = byId.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in the template (functions: "
                    + byId.keySet() + ")");
        }
        return function;
    }

    /** Every function by logical id, in the template's order. */
    public Map<String, LocalFunction> all() {
        return Collections.unmodifiableMap(byId);
    }

    /** Called after every invocation of every function. */
    public void onInvocation(Consumer<Invocation> listener) {
        listeners.add(listener);
    }

    /** Stops every function's containers. */
    @Override
    public void close() {
        for (LocalFunction function : byId.values()) {
            function.close();
        }
    }
}
