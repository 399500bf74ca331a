package app.realmoments.runtime.lambda;

import app.realmoments.bootstrap.Bootstrap;
import app.realmoments.emulator.RuntimeLog;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Containers that are JVMs of their own (see {@link ProcessContainer}), started the way Lambda's
 * java25 runtime starts one: the JDK this runtime runs on, Lambda's JVM options, the function's
 * environment as the process environment, and the function's jar on the application class path,
 * followed by the bootstrap jar (the bootstrap, aws-lambda-java-core and its serializer).
 *
 * <p>With the AOT cache on (see {@link AotCache}), a container starts with the function's cache when
 * there is one for the jar as it is now. When there is none, the first container records one
 * ({@code -XX:AOTCacheOutput}): it serves one invocation, is then told to exit, and its JVM writes the
 * cache as it exits; meanwhile other containers start without. Being on the application class path
 * matters: a JDK 25 AOT cache holds classes of the JDK's built-in class loaders only.
 */
final class ProcessContainers implements Containers {

    /** The bootstrap jar written out in each directory (the runtime carries it as a resource). */
    private static final Map<Path, Path> BOOTSTRAP_JARS = new ConcurrentHashMap<>();

    private final FunctionSpec spec;
    private final Path jar;
    private final Map<String, String> environment;
    private final String arn;
    private final Isolation isolation;
    private final AotCache aot;
    private final Set<ProcessContainer> running = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    ProcessContainers(FunctionSpec spec, Path jar, Map<String, String> environment, String arn, Isolation isolation) {
        this.spec = spec;
        this.jar = jar.toAbsolutePath().normalize();
        this.arn = arn;
        this.isolation = isolation;
        this.aot = isolation.aotCache() ? new AotCache(isolation.directory(), spec.logicalId()) : null;
        Map<String, String> env = new LinkedHashMap<>();
        for (String inherited : List.of("PATH", "LANG")) {
            if (System.getenv(inherited) != null) {
                env.put(inherited, System.getenv(inherited));
            }
        }
        env.putAll(environment);
        // What the bootstrap needs, if the caller's environment lacks it (Functions gives all of Lambda's).
        spec.lambdaVariables().forEach(env::putIfAbsent);
        this.environment = Map.copyOf(env);
    }

    /** Lambda's JVM options (java25 runtime): serial GC, C1 only, and a heap cap of 85 % of MemorySize. */
    static List<String> lambdaOptions(int memoryMb) {
        return List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx" + Math.max(64, memoryMb * 85 / 100) + "m");
    }

    /** What an AOT cache is valid for besides the class path: the JDK, the JVM options, the options variables. */
    private List<String> cacheSettings(List<String> options) {
        List<String> settings = new ArrayList<>(List.of(System.getProperty("java.home"),
                System.getProperty("java.vm.version"), String.join(" ", options)));
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            settings.add(variable + "=" + environment.getOrDefault(variable, ""));
        }
        return settings;
    }

    @Override
    public Container start() throws Exception {
        if (closed) {
            throw new IllegalStateException("the function " + spec.logicalId() + " is stopped");
        }
        Path bootstrap = bootstrapJar(isolation.directory());
        List<String> options = lambdaOptions(spec.memoryMb());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        AotCache.Training training = null;
        String description;
        if (aot == null) {
            description = "without an AOT cache (off)";
        } else {
            AotCache.Entry entry = aot.entry(List.of(jar, bootstrap), cacheSettings(options));
            String name = entry.file().getFileName().toString();
            if (Files.isRegularFile(entry.file())) {
                command.add("-XX:AOTCache=" + entry.file());
                if (isolation.requireAotCache()) {
                    command.add("-XX:AOTMode=on");
                }
                description = "with the AOT cache " + name;
            } else if ((training = aot.claim(entry)) != null) {
                command.add("-XX:AOTCacheOutput=" + training.output());
                command.add("-Xlog:aot=error"); // not its warnings about the classes it leaves out (JFR events, proxies)
                description = "training the AOT cache " + name + ": after one invocation it exits and writes it";
            } else {
                description = "without an AOT cache (another container is training " + name + ")";
            }
        }
        command.addAll(isolation.jvmOptions());
        command.addAll(List.of("-cp", jar + File.pathSeparator + bootstrap, Bootstrap.class.getName()));

        AotCache.Training recording = training;
        ProcessContainer container = null;
        try {
            container = new ProcessContainer(spec, jar, arn, training != null, description);
            ProcessContainer launched = container;
            Map<String, String> env = new LinkedHashMap<>(environment);
            env.put("AWS_LAMBDA_RUNTIME_API", container.runtimeApi());
            running.add(container);
            container.launch(command, env, status -> {
                running.remove(launched);
                if (recording != null) {
                    finishTraining(recording, status);
                }
            });
        } catch (IOException | RuntimeException e) {
            if (container != null) {
                running.remove(container);
                container.close();
            }
            if (recording != null) {
                aot.finish(recording, -1);
            }
            throw e;
        }
        try {
            container.awaitReady();
            return container;
        } catch (Exception | Error e) {
            container.close();
            throw e;
        }
    }

    private void finishTraining(AotCache.Training training, int status) {
        try {
            if (aot.finish(training, status)) {
                Console.line(spec.logicalId(), "AOT cache written: " + training.entry().file() + " ("
                        + Files.size(training.entry().file()) / (1024 * 1024) + " MB); containers started from now on use it");
            } else {
                Console.line(spec.logicalId(), "no AOT cache written (the training JVM ended with status " + status
                        + "); the next cold start trains again");
            }
        } catch (IOException | RuntimeException e) {
            RuntimeLog.error(spec.logicalId() + ": the AOT cache could not be put in place", e);
        }
    }

    /**
     * The container bootstrap jar in the directory, written there once from the runtime's resources.
     * Its name carries its hash, so a file a cache was made with never changes under it. Bootstrap
     * jars of other runtime builds are deleted then, once an hour old (a runtime still running with
     * one writes it again, fresh, when it next starts a container).
     */
    static Path bootstrapJar(Path directory) throws IOException {
        Path known = BOOTSTRAP_JARS.get(directory);
        if (known != null && Files.isRegularFile(known)) {
            return known;
        }
        byte[] bytes;
        try (InputStream in = ProcessContainers.class.getResourceAsStream("bootstrap.jar")) {
            if (in == null) {
                throw new IllegalStateException("the runtime has no container bootstrap jar: run `make build`");
            }
            bytes = in.readAllBytes();
        }
        Path jar = directory.resolve("bootstrap-" + HexFormat.of().formatHex(AotCache.sha256().digest(bytes), 0, 8)
                + ".jar");
        if (!Files.isRegularFile(jar)) {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "bootstrap-", ".jar.tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        try (DirectoryStream<Path> others = Files.newDirectoryStream(directory, "bootstrap-*.jar")) {
            for (Path other : others) {
                if (!other.equals(jar) && Files.getLastModifiedTime(other).toMillis()
                        < System.currentTimeMillis() - TimeUnit.HOURS.toMillis(1)) {
                    Files.deleteIfExists(other);
                }
            }
        }
        BOOTSTRAP_JARS.put(directory, jar);
        return jar;
    }

    /**
     * Stops every container JVM of the function. A training JVM already told to exit is given time to
     * write its cache first (so that {@code make invoke} keeps the cache its one container trained).
     */
    @Override
    public void close() {
        closed = true;
        for (ProcessContainer container : List.copyOf(running)) {
            if (container.exitingByItself()) {
                container.awaitExit();
            }
        }
        for (ProcessContainer container : List.copyOf(running)) {
            container.close();
        }
    }
}
