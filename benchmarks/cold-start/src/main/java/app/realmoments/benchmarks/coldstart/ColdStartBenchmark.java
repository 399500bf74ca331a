package app.realmoments.benchmarks.coldstart;

import app.realmoments.benchmarks.coldstart.probe.NoopHandler;
import app.realmoments.benchmarks.coldstart.probe.Probe;
import app.realmoments.runtime.DevStack;
import app.realmoments.runtime.lambda.FunctionSpec;
import app.realmoments.runtime.lambda.LocalFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Cold starts of every function of template.yaml against the floor (a do-nothing handler), each run
 * a fresh JVM, function and floor interleaved run by run; once with plain JVM options and once with
 * a JDK 25 AOT cache made by one training run per jar. Prints a markdown table.
 *
 * <p>Environment: ROUNDS (default 7), MODES (default "plain,aot"; "snap" adds a SnapStart simulation:
 * plain options, initialization type snap-start, the function's priming run after init and timed apart;
 * its "wall" is then the priming-included process, and its first invoke what a restored container pays),
 * FUNCTIONS (logical ids, comma-separated; default every function).
 */
public final class ColdStartBenchmark {

    /** What the Lambda java25 runtime runs with, and what the template sets (JAVA_TOOL_OPTIONS). */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param primed a SnapStart function (the template gives it to the functions behind the HTTP API) */
    record Subject(String name, String handler, Path jar, Path event, Map<String, String> env, boolean primed) {
    }

    record Run(double wallMs, double initMs, double primeMs, double invokeMs, long rssKb) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(System.getenv().getOrDefault("ROUNDS", "7"));
        List<String> modes = Arrays.asList(System.getenv().getOrDefault("MODES", "plain,aot").split(","));
        Path root = DevStack.findRoot();
        Path work = root.resolve("benchmarks/cold-start/target/runs");
        Files.createDirectories(work);
        try (DevStack stack = DevStack.start(DevStack.Options.builder()
                .http(false).pumps(false).quiet(true).build())) {
            List<Subject> functions = functions(stack, root);
            Subject floor = floor(stack, work);
            Map<String, Map<String, List<Run>>> results = new LinkedHashMap<>();
            for (String mode : modes) {
                Map<String, List<Run>> runs = new LinkedHashMap<>();
                List<Subject> all = new ArrayList<>(functions);
                all.addFirst(floor);
                if (mode.equals("aot")) {
                    for (Subject subject : all) {
                        train(subject, work);
                    }
                }
                for (int round = 0; round < rounds; round++) {
                    for (Subject subject : functions) {
                        runs.computeIfAbsent(floor.name(), k -> new ArrayList<>()).add(run(floor, mode, work));
                        runs.computeIfAbsent(subject.name(), k -> new ArrayList<>()).add(run(subject, mode, work));
                    }
                    System.err.printf("%s: round %d of %d done%n", mode, round + 1, rounds);
                }
                results.put(mode, runs);
            }
            System.out.println(table(functions, floor, results, rounds));
            System.out.println(summary(functions, floor, results));
        }
    }

    private static List<Subject> functions(DevStack stack, Path root) throws IOException {
        Map<String, Path> events = events(root.resolve("events"));
        List<Subject> subjects = new ArrayList<>();
        String only = System.getenv().getOrDefault("FUNCTIONS", "");
        List<String> selected = only.isBlank() ? List.of() : Arrays.asList(only.split(","));
        for (LocalFunction function : new TreeMap<>(stack.functions()).values()) {
            FunctionSpec spec = function.spec();
            if (!selected.isEmpty() && !selected.contains(spec.logicalId())) {
                continue;
            }
            Path event = null;
            for (FunctionSpec.EventSource source : spec.events().values()) {
                String key = switch (source.type()) {
                    case "HttpApi" -> source.properties().getOrDefault("Method", "ANY").toString().toUpperCase(Locale.ROOT) + " "
                            + source.properties().get("Path");
                    case "Schedule", "ScheduleV2" -> "Schedule";
                    default -> source.type();
                };
                event = event != null ? event : events.get(key);
            }
            if (event == null) {
                System.err.println("no event file for " + spec.logicalId() + ": skipped");
                continue;
            }
            Map<String, String> env = new LinkedHashMap<>(function.environment());
            env.remove("JAVA_TOOL_OPTIONS"); // passed explicitly, to the floor too
            boolean api = spec.events().values().stream().anyMatch(source -> source.type().equals("HttpApi"));
            subjects.add(new Subject(spec.logicalId(), spec.handlerClass(), function.jar(), event, env, api));
        }
        return subjects;
    }

    /** events/*.json by what they trigger: an HTTP route key, or S3 / DynamoDB / SQS / Schedule. */
    private static Map<String, Path> events(Path dir) throws IOException {
        Map<String, Path> byKey = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = JSON.readTree(file.toFile());
                String source = json.path("Records").path(0).path("eventSource").asText(
                        json.path("Records").path(0).path("EventSource").asText(""));
                String key = json.hasNonNull("routeKey") ? json.get("routeKey").asText()
                        : source.equals("aws:s3") ? "S3"
                        : source.equals("aws:dynamodb") ? "DynamoDB"
                        : source.equals("aws:sqs") ? "SQS"
                        : json.path("source").asText().equals("aws.events") || json.path("source").asText().equals("aws.scheduler")
                        ? "Schedule" : null;
                if (key != null) {
                    byKey.putIfAbsent(key, file);
                }
            }
        }
        return byKey;
    }

    private static Subject floor(DevStack stack, Path work) throws IOException {
        Path event = work.resolve("floor-event.json");
        Files.writeString(event, "{\"ping\":true}");
        Map<String, String> env = new LinkedHashMap<>(stack.functions().values().iterator().next().environment());
        env.keySet().removeIf(k -> !k.startsWith("AWS_"));
        return new Subject("floor (do-nothing handler)", NoopHandler.class.getName(), null, event, env, false);
    }

    private static void train(Subject subject, Path work) throws Exception {
        Files.deleteIfExists(cache(subject, work));
        List<String> command = command(subject, List.of("-XX:AOTCacheOutput=" + cache(subject, work)));
        Process process = start(subject, command, work, false);
        process.waitFor();
        if (!Files.isRegularFile(cache(subject, work))) {
            throw new IllegalStateException("no AOT cache for " + subject.name() + ": " + String.join(" ", command));
        }
    }

    private static Run run(Subject subject, String mode, Path work) throws Exception {
        List<String> extra = mode.equals("aot") ? List.of("-XX:AOTCache=" + cache(subject, work)) : List.of();
        List<String> command = command(subject, extra);
        long started = System.nanoTime();
        Process process = start(subject, command, work, mode.equals("snap"));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        double wall = (System.nanoTime() - started) / 1e6;
        String line = output.lines().filter(l -> l.startsWith("COLDSTART ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(subject.name() + " printed no result:\n" + output));
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring("COLDSTART ".length()).split(" ")) {
            String[] kv = pair.split("=");
            values.put(kv[0], kv[1]);
        }
        return new Run(wall, Double.parseDouble(values.get("initMs")), Double.parseDouble(values.get("primeMs")),
                Double.parseDouble(values.get("invokeMs")),
                Long.parseLong(values.get("rssKb")));
    }

    private static List<String> command(Subject subject, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(extra);
        command.add("-cp");
        command.add(classpath(subject));
        command.add(Probe.class.getName());
        command.add(subject.handler());
        command.add(subject.event().toString());
        return command;
    }

    /** What Lambda has: the runtime's own jars (the probe, its serializer, the core interfaces), then the function's jar. */
    private static String classpath(Subject subject) {
        List<String> entries = new ArrayList<>();
        entries.add(probeJar().toString());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.startsWith("aws-lambda-java-serialization-") || name.startsWith("aws-lambda-java-core-")) {
                entries.add(entry);
            }
        }
        if (subject.jar() != null) {
            entries.add(subject.jar().toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Path probeJar() {
        Path target = DevStack.findRoot().resolve("benchmarks/cold-start/target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-probe.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("build the probe jar first (run.sh does)"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process start(Subject subject, List<String> command, Path work, boolean snap) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(work.resolve("stderr.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(subject.env());
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        if (snap && subject.jar() != null) {
            builder.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            builder.environment().put("PROBE_PRIME", "1");
        }
        return builder.start();
    }

    private static Path cache(Subject subject, Path work) {
        return work.resolve(subject.name().replaceAll("[^A-Za-z0-9]", "_") + ".aot");
    }

    private static String table(List<Subject> functions, Subject floor, Map<String, Map<String, List<Run>>> results,
                                int rounds) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Medians of %d runs each, every run a fresh JVM (%s), function and floor interleaved.%n%n",
                rounds, String.join(" ", JVM_OPTIONS)));
        out.append("| function | jar | mode | wall ms | init ms | priming ms | first invoke ms | peak RSS MB | wall / floor |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        List<Subject> all = new ArrayList<>(functions);
        all.addFirst(floor);
        for (Subject subject : all) {
            for (Map.Entry<String, Map<String, List<Run>>> mode : results.entrySet()) {
                List<Run> runs = mode.getValue().get(subject.name());
                double floorWall = median(mode.getValue().get(floor.name()).stream().mapToDouble(Run::wallMs).toArray());
                double wall = median(runs.stream().mapToDouble(Run::wallMs).toArray());
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f |%n",
                        subject.name(), subject.jar() == null ? "-" : String.format(Locale.ROOT, "%.1f MB", Files.size(subject.jar()) / 1e6),
                        mode.getKey(), wall, median(runs.stream().mapToDouble(Run::initMs).toArray()),
                        median(runs.stream().mapToDouble(Run::primeMs).toArray()),
                        median(runs.stream().mapToDouble(Run::invokeMs).toArray()),
                        median(runs.stream().mapToDouble(r -> r.rssKb() / 1024.0).toArray()), wall / floorWall));
            }
        }
        return out.toString();
    }

    /**
     * The README's table: per function the wall time and ratio to the floor in each of plain and aot,
     * and the first invoke of a container restored from a SnapStart snapshot (the snap mode's).
     */
    private static String summary(List<Subject> functions, Subject floor, Map<String, Map<String, List<Run>>> results)
            throws IOException {
        StringBuilder out = new StringBuilder("| function | jar |");
        StringBuilder rule = new StringBuilder("|---|---|");
        List<String> walls = results.keySet().stream().filter(m -> !m.equals("snap")).toList();
        for (String mode : walls) {
            out.append(" wall, ").append(mode).append(" | ratio |");
            rule.append("---|---|");
        }
        if (results.containsKey("snap")) {
            out.append(" first invoke after SnapStart restore |");
            rule.append("---|");
        }
        out.append('\n').append(rule).append('\n');
        List<Subject> all = new ArrayList<>(functions);
        all.addFirst(floor);
        for (Subject subject : all) {
            out.append("| ").append(subject.name()).append(" | ")
                    .append(subject.jar() == null ? "-" : String.format(Locale.ROOT, "%.1f MB", Files.size(subject.jar()) / 1e6))
                    .append(" |");
            for (String mode : walls) {
                double wall = medianOf(results.get(mode).get(subject.name()), Run::wallMs);
                double floorWall = medianOf(results.get(mode).get(floor.name()), Run::wallMs);
                out.append(String.format(Locale.ROOT, " %.0f ms | %.2f |", wall, wall / floorWall));
            }
            if (results.containsKey("snap")) {
                out.append(subject.primed() ? String.format(Locale.ROOT, " %.0f ms |",
                        medianOf(results.get("snap").get(subject.name()), Run::invokeMs)) : " - |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double medianOf(List<Run> runs, java.util.function.ToDoubleFunction<Run> value) {
        return median(runs.stream().mapToDouble(value).toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
