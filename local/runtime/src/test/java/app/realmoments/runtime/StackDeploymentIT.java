package app.realmoments.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.realmoments.emulator.provision.Physical;
import app.realmoments.emulator.provision.StackResources;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Parameters;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import app.realmoments.runtime.lambda.FunctionSpec;
import app.realmoments.runtime.lambda.LambdaRuntimeClassLoader;
import app.realmoments.runtime.lambda.LocalFunction;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a deploy would trip over, checked before one: the local runtime creates every resource of
 * template.yaml in the emulator, then every function of the template (read from it, so new functions are
 * covered by themselves) is checked against what exists: its handler class and method in its own jar,
 * each environment variable naming a resource, each event source, each resource its Policies grant.
 * Needs the jars: {@code make build} (in {@code make test}, Maven packages them before this module).
 */
class StackDeploymentIT {

    private static final Set<String> EVENT_TYPES = Set.of("HttpApi", "S3", "SQS", "DynamoDB", "SNS", "Schedule",
            "ScheduleV2");
    private static final Pattern TABLE_ARN = Pattern.compile("arn:[^:]+:dynamodb:[^:]*:[^:]*:table/([^/]+).*");
    private static final Pattern BUCKET_ARN = Pattern.compile("arn:[^:]+:s3:::([^/]+).*");
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:[^:]+:sqs:[^:]*:[^:]*:([^:/]+)");
    private static final Pattern TOPIC_ARN = Pattern.compile("arn:[^:]+:sns:[^:]*:[^:]*:([^:/]+)");

    private static DevStack stack;
    private static Template template;
    private static Intrinsics intrinsics;

    @BeforeAll
    static void deploy() {
        stack = DevStack.start(DevStack.Options.builder().http(false).pumps(false).quiet(true).build());
        template = stack.template();
        StackResources created = new StackResources(StackSettings.LOCAL);
        stack.resources().forEach(created::put);
        intrinsics = new Intrinsics(template, StackSettings.LOCAL, Parameters.values(template, Map.of()), created);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyFunctionOfTheTemplateIsLoaded() {
        List<String> declared = template.resourcesOfType("AWS::Serverless::Function").stream()
                .filter(intrinsics::enabled).map(Template.Resource::logicalId).sorted().toList();
        assertFalse(declared.isEmpty(), "the template declares functions");
        assertTrue(stack.functions().keySet().containsAll(declared), "loaded " + stack.functions().keySet());
    }

    @Test
    void everyHandlerClassIsInItsJarWithItsHandlerMethod() throws Exception {
        List<String> problems = new ArrayList<>();
        for (LocalFunction function : sorted(stack.functions()).values()) {
            FunctionSpec spec = function.spec();
            String where = spec.logicalId() + " (" + spec.handler() + ")";
            if (!Files.isRegularFile(function.jar())) {
                problems.add(where + ": " + stack.root().relativize(function.jar()) + " is missing: run `make build`");
                continue;
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[] {function.jar().toUri().toURL()},
                    new LambdaRuntimeClassLoader(StackDeploymentIT.class.getClassLoader()))) {
                // Not initialized: a handler's static set-up reads Lambda's environment.
                Class<?> type = Class.forName(spec.handlerClass(), false, loader);
                if (type.getClassLoader() != loader) {
                    problems.add(where + ": the class comes from the test classpath, not from the function's jar");
                }
                if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
                    problems.add(where + ": the class must be public and concrete");
                }
                try {
                    if (!Modifier.isPublic(type.getConstructor().getModifiers())) {
                        problems.add(where + ": no public no-argument constructor");
                    }
                } catch (NoSuchMethodException e) {
                    problems.add(where + ": no public no-argument constructor");
                }
                List<Method> methods = Arrays.stream(type.getMethods())
                        .filter(m -> m.getName().equals(spec.handlerMethod()) && !m.isBridge()).toList();
                if (methods.isEmpty()) {
                    problems.add(where + ": no public method " + spec.handlerMethod());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(where + ": cannot load from " + stack.root().relativize(function.jar()) + ": " + e);
            }
        }
        assertNone(problems);
    }

    @Test
    void everyEnvironmentVariableNamingAResourceNamesOneThatExists() {
        List<String> problems = new ArrayList<>();
        for (Template.Resource resource : functions()) {
            Object environment = resource.properties().get("Environment");
            if (!(environment instanceof Map<?, ?> env) || !(env.get("Variables") instanceof Map<?, ?> variables)) {
                continue;
            }
            FunctionSpec spec = stack.function(resource.logicalId()).spec();
            variables.forEach((name, raw) -> {
                String where = resource.logicalId() + " " + name;
                for (String id : Template.references(raw)) {
                    checkReference(where, id, problems);
                }
                // By the naming convention, also the value itself: it catches a computed name (a !Sub that
                // spells a bucket's name instead of referring to it) that names nothing.
                String value = spec.environment().get(String.valueOf(name));
                String variable = String.valueOf(name);
                if (variable.endsWith("_TABLE")) {
                    checkExists(where + "=" + value, "AWS::DynamoDB::Table", value, problems);
                } else if (variable.endsWith("_BUCKET")) {
                    checkExists(where + "=" + value, "AWS::S3::Bucket", value, problems);
                } else if (variable.endsWith("_QUEUE_URL")) {
                    checkExists(where + "=" + value, "AWS::SQS::Queue", value, problems);
                } else if (variable.endsWith("_TOPIC_ARN")) {
                    checkExists(where + "=" + value, "AWS::SNS::Topic", value, problems);
                }
            });
        }
        assertNone(problems);
    }

    @Test
    void everyEventSourcePointsAtAStreamQueueBucketOrApiThatExists() {
        List<String> problems = new ArrayList<>();
        for (LocalFunction function : sorted(stack.functions()).values()) {
            for (FunctionSpec.EventSource event : function.spec().events().values()) {
                String where = function.spec().logicalId() + "." + event.name() + " (" + event.type() + ")";
                Map<String, Object> p = event.properties();
                for (String id : Template.references(event.raw())) {
                    checkReference(where, id, problems);
                }
                switch (event.type()) {
                    case "DynamoDB" -> {
                        String arn = String.valueOf(p.get("Stream"));
                        boolean known = stack.resources().values().stream()
                                .anyMatch(r -> arn.equals(r.attributes().get("StreamArn")));
                        if (!known) {
                            problems.add(where + ": " + arn + " is the stream of no table of the stack");
                        } else {
                            try {
                                stack.aws().streams().describeStream(b -> b.streamArn(arn));
                            } catch (RuntimeException e) {
                                problems.add(where + ": the emulator has no stream " + arn + ": " + e.getMessage());
                            }
                        }
                    }
                    case "SQS" -> {
                        String arn = String.valueOf(p.get("Queue"));
                        if (stack.resources().values().stream().noneMatch(r -> r.type().equals("AWS::SQS::Queue")
                                && arn.equals(r.attributes().get("Arn")))) {
                            problems.add(where + ": " + arn + " is no queue of the stack");
                        }
                    }
                    case "S3" -> checkExists(where, "AWS::S3::Bucket", String.valueOf(p.get("Bucket")), problems);
                    case "SNS" -> checkExists(where, "AWS::SNS::Topic", String.valueOf(p.get("Topic")), problems);
                    case "HttpApi" -> {
                        if (event.raw().get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id
                                && !template.resources().containsKey(id)) {
                            problems.add(where + ": ApiId " + id + " is no resource of the template");
                        } else if (event.raw().get("ApiId") instanceof Map<?, ?> ref && ref.get("Ref") instanceof String id
                                && !template.resource(id).type().equals("AWS::Serverless::HttpApi")) {
                            problems.add(where + ": ApiId " + id + " is not an AWS::Serverless::HttpApi");
                        }
                    }
                    default -> {
                        if (!EVENT_TYPES.contains(event.type())) {
                            problems.add(where + ": event type " + event.type() + " is not checked here: add a case");
                        }
                    }
                }
            }
        }
        assertNone(problems);
    }

    @Test
    void everyResourceAPolicyGrantsExists() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Template.Resource resource : functions()) {
            Object policies = resource.properties().get("Policies");
            List<?> entries = policies instanceof List<?> list ? list : policies == null ? List.of() : List.of(policies);
            for (int i = 0; i < entries.size(); i++) {
                Object entry = entries.get(i);
                String where = resource.logicalId() + " Policies[" + i + "]";
                for (String id : Template.references(entry)) {
                    checkReference(where, id, problems);
                }
                if (!(entry instanceof Map<?, ?> policy) || !(policy.get("Statement") instanceof List<?> statements)) {
                    continue; // a managed policy's name, or a SAM policy template: its references were checked
                }
                for (Object statement : statements) {
                    if (!(statement instanceof Map<?, ?> s) || s.get("Resource") == null) {
                        continue;
                    }
                    Object resolved = intrinsics.resolve(s.get("Resource"));
                    for (Object arn : resolved instanceof Collection<?> c ? c : List.of(resolved)) {
                        checked += checkArn(where + " " + s.get("Action"), String.valueOf(arn), problems) ? 1 : 0;
                    }
                }
            }
        }
        assertNone(problems);
        assertTrue(checked >= functions().size(), "only " + checked + " resource ARNs were recognised and checked");
    }

    // ------------------------------------------------------------------ checks

    private static List<Template.Resource> functions() {
        return template.resourcesOfType("AWS::Serverless::Function").stream().filter(intrinsics::enabled).toList();
    }

    /** A logical id a function refers to: a parameter, a pseudo parameter, or a resource the emulator holds. */
    private static void checkReference(String where, String id, List<String> problems) {
        if (id.startsWith("AWS::") || template.section("Parameters").containsKey(id)) {
            return;
        }
        Template.Resource target = template.resources().get(id);
        if (target == null) {
            problems.add(where + ": refers to " + id + ", which the template does not define");
            return;
        }
        if (!intrinsics.enabled(target)) {
            problems.add(where + ": refers to " + id + ", whose Condition leaves it out of this stack");
            return;
        }
        Physical physical = stack.resources().get(id);
        if (physical == null) {
            problems.add(where + ": " + id + " was not created");
            return;
        }
        checkExists(where + " -> " + id, physical.type(), physical.ref(), problems);
    }

    /** Asks the emulator for a table, bucket, queue or topic; other types are not held there. */
    private static void checkExists(String where, String type, String name, List<String> problems) {
        if (name == null || name.isBlank() || name.equals("null")) {
            problems.add(where + ": no value");
            return;
        }
        try {
            switch (type) {
                case "AWS::DynamoDB::Table" -> stack.aws().dynamo().describeTable(b -> b.tableName(name));
                case "AWS::S3::Bucket" -> stack.aws().s3().headBucket(b -> b.bucket(name));
                case "AWS::SQS::Queue" -> stack.aws().sqs().getQueueAttributes(b -> b.queueUrl(name));
                case "AWS::SNS::Topic" -> stack.aws().sns().getTopicAttributes(b -> b.topicArn(name));
                default -> {
                }
            }
        } catch (RuntimeException e) {
            problems.add(where + ": " + type + " " + name + " does not exist in the emulator (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The table, bucket, queue or topic an ARN of a policy names exists; wildcards and other services pass. */
    /** Checks an ARN of a table, bucket, queue or topic; false for one it does not know how to check. */
    private static boolean checkArn(String where, String arn, List<String> problems) {
        Matcher m;
        if ((m = TABLE_ARN.matcher(arn)).matches() && !m.group(1).contains("*")) {
            checkExists(where + " on " + arn, "AWS::DynamoDB::Table", m.group(1), problems);
        } else if ((m = BUCKET_ARN.matcher(arn)).matches() && !m.group(1).contains("*")) {
            checkExists(where + " on " + arn, "AWS::S3::Bucket", m.group(1), problems);
        } else if ((m = QUEUE_ARN.matcher(arn)).matches() && !m.group(1).contains("*")) {
            String name = m.group(1);
            try {
                stack.aws().sqs().getQueueUrl(b -> b.queueName(name));
            } catch (RuntimeException e) {
                problems.add(where + " on " + arn + ": no queue " + name + " in the emulator");
            }
        } else if ((m = TOPIC_ARN.matcher(arn)).matches() && !m.group(1).contains("*")) {
            checkExists(where + " on " + arn, "AWS::SNS::Topic", arn, problems);
        } else {
            return false;
        }
        return true;
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        return new TreeMap<>(map);
    }

    private static void assertNone(List<String> problems) {
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }
}
