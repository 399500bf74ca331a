package app.realmoments.emulator.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation's intrinsic functions against parameter values, pseudo parameters and the
 * physical ids of resources (given by a {@link ResourceLookup}, filled as resources get created).
 */
public final class Intrinsics {

    /** What {@code !Ref AWS::NoValue} becomes: the property it stands for is removed. */
    public static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "AWS::NoValue";
        }
    };

    private static final Pattern SPLIT_DOT = Pattern.compile("\\.");

    /** Physical ids and attributes of created resources. */
    public interface ResourceLookup {
        /** The value of {@code Ref} on the resource; throws TemplateException when not available. */
        String ref(String logicalId);

        /** The value of {@code Fn::GetAtt}; throws TemplateException when not available. */
        String getAtt(String logicalId, String attribute);
    }

    private final Template template;
    private final StackSettings settings;
    private final Map<String, Object> parameters;
    private final ResourceLookup resources;
    private final Map<String, Boolean> conditions = new HashMap<>();

    public Intrinsics(Template template, StackSettings settings, Map<String, Object> parameters,
                      ResourceLookup resources) {
        this.template = template;
        this.settings = settings;
        this.parameters = parameters;
        this.resources = resources;
    }

    /** A copy of the node with every intrinsic function replaced by its value. */
    public Object resolve(Object node) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Object key = map.keySet().iterator().next();
                if (key instanceof String name && (name.equals("Ref") || name.startsWith("Fn::"))) {
                    return function(name, map.get(name));
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object value = resolve(v);
                if (value != NO_VALUE) {
                    out.put(String.valueOf(k), value);
                }
            });
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                Object value = resolve(item);
                if (value != NO_VALUE) {
                    out.add(value);
                }
            }
            return out;
        }
        return node;
    }

    /** Resolves and renders as text (numbers and booleans as CloudFormation renders them). */
    public String string(Object node) {
        Object value = resolve(node);
        return value == null || value == NO_VALUE ? null : text(value, "value");
    }

    /** Whether the named entry of {@code Conditions} holds. */
    public boolean condition(String name) {
        Boolean known = conditions.get(name);
        if (known != null) {
            return known;
        }
        Object definition = template.section("Conditions").get(name);
        if (definition == null) {
            throw new TemplateException("no condition " + name + " in the template");
        }
        boolean value = bool(definition);
        conditions.put(name, value);
        return value;
    }

    /** False for a resource whose Condition does not hold: it is not created. */
    public boolean enabled(Template.Resource resource) {
        return resource.condition() == null || condition(resource.condition());
    }

    private Object function(String name, Object arg) {
        return switch (name) {
            case "Ref" -> ref(text(resolve(arg), "Ref"));
            case "Fn::GetAtt" -> getAtt(arg);
            case "Fn::Sub" -> sub(arg);
            case "Fn::Join" -> join(arg);
            case "Fn::Select" -> select(arg);
            case "Fn::Split" -> split(arg);
            case "Fn::If" -> ifFunction(arg);
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not" -> bool(Map.of(name, arg));
            case "Fn::FindInMap" -> findInMap(arg);
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    text(resolve(arg), name).getBytes(StandardCharsets.UTF_8));
            case "Fn::GetAZs" -> List.of(settings.region() + "a", settings.region() + "b", settings.region() + "c");
            default -> throw new TemplateException(name + " is not supported by the local runtime");
        };
    }

    private Object ref(String name) {
        switch (name) {
            case "AWS::Region":
                return settings.region();
            case "AWS::AccountId":
                return settings.accountId();
            case "AWS::Partition":
                return settings.partition();
            case "AWS::StackName":
                return settings.stackName();
            case "AWS::StackId":
                return settings.stackId();
            case "AWS::URLSuffix":
                return settings.urlSuffix();
            case "AWS::NoValue":
                return NO_VALUE;
            case "AWS::NotificationARNs":
                return List.of();
            default:
                break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        Template.Resource resource = template.resources().get(name);
        if (resource == null) {
            throw new TemplateException("Ref to " + name + ": no such parameter or resource");
        }
        if (!enabled(resource)) {
            throw new TemplateException("Ref to " + name + ", whose condition " + resource.condition() + " is false");
        }
        return resources.ref(name);
    }

    private Object getAtt(Object arg) {
        Object resolved = resolve(arg);
        String id;
        String attribute;
        if (resolved instanceof List<?> list && list.size() == 2) {
            id = text(list.get(0), "Fn::GetAtt");
            attribute = text(list.get(1), "Fn::GetAtt");
        } else if (resolved instanceof String text && text.contains(".")) {
            id = text.substring(0, text.indexOf('.'));
            attribute = text.substring(text.indexOf('.') + 1);
        } else {
            throw new TemplateException("Fn::GetAtt needs [Resource, Attribute], got " + resolved);
        }
        if (!template.resources().containsKey(id)) {
            throw new TemplateException("Fn::GetAtt on " + id + ": no such resource");
        }
        return resources.getAtt(id, attribute);
    }

    private Object sub(Object arg) {
        String pattern;
        Map<String, Object> variables = new HashMap<>();
        if (arg instanceof String s) {
            pattern = s;
        } else if (arg instanceof List<?> list && list.size() == 2 && list.get(0) instanceof String s
                && list.get(1) instanceof Map<?, ?> vars) {
            pattern = s;
            vars.forEach((k, v) -> variables.put(String.valueOf(k), resolve(v)));
        } else {
            throw new TemplateException("Fn::Sub needs a string or [string, {variables}]");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            int start = pattern.indexOf("${", i);
            if (start < 0) {
                out.append(pattern, i, pattern.length());
                break;
            }
            out.append(pattern, i, start);
            int end = pattern.indexOf('}', start);
            if (end < 0) {
                throw new TemplateException("unclosed ${ in Fn::Sub: " + pattern);
            }
            String name = pattern.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                name = name.trim();
                Object value;
                if (variables.containsKey(name)) {
                    value = variables.get(name);
                } else if (name.contains(".") && !name.startsWith("AWS::")) {
                    String[] parts = SPLIT_DOT.split(name, 2);
                    value = getAtt(List.of(parts[0], parts[1]));
                } else {
                    value = ref(name);
                }
                out.append(text(value, "Fn::Sub variable " + name));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private Object join(Object arg) {
        List<?> args = list(resolve(arg), "Fn::Join", 2);
        String delimiter = text(args.get(0), "Fn::Join delimiter");
        List<?> items = list(args.get(1), "Fn::Join values", -1);
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            parts.add(text(item, "Fn::Join value"));
        }
        return String.join(delimiter, parts);
    }

    private Object select(Object arg) {
        List<?> args = list(resolve(arg), "Fn::Select", 2);
        int index = Integer.parseInt(text(args.get(0), "Fn::Select index"));
        List<?> items = list(args.get(1), "Fn::Select list", -1);
        if (index < 0 || index >= items.size()) {
            throw new TemplateException("Fn::Select index " + index + " is out of range");
        }
        return items.get(index);
    }

    private Object split(Object arg) {
        List<?> args = list(resolve(arg), "Fn::Split", 2);
        String delimiter = text(args.get(0), "Fn::Split delimiter");
        String source = text(args.get(1), "Fn::Split source");
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object ifFunction(Object arg) {
        List<?> args = list(arg, "Fn::If", 3);
        String condition = text(args.get(0), "Fn::If condition");
        return resolve(condition(condition) ? args.get(1) : args.get(2));
    }

    private Object findInMap(Object arg) {
        List<?> args = list(resolve(arg), "Fn::FindInMap", 3);
        Object map = template.section("Mappings").get(text(args.get(0), "map name"));
        Object top = map instanceof Map<?, ?> m ? m.get(text(args.get(1), "top key")) : null;
        Object value = top instanceof Map<?, ?> t ? t.get(text(args.get(2), "second key")) : null;
        if (value == null) {
            throw new TemplateException("Fn::FindInMap found nothing for " + args);
        }
        return value;
    }

    private boolean bool(Object node) {
        if (node instanceof Boolean b) {
            return b;
        }
        if (node instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        if (node instanceof Map<?, ?> map && map.size() == 1) {
            String name = String.valueOf(map.keySet().iterator().next());
            Object arg = map.get(name);
            switch (name) {
                case "Condition":
                    return condition(text(arg, "Condition"));
                case "Fn::Equals": {
                    List<?> args = list(arg, name, 2);
                    return Objects.equals(comparable(resolve(args.get(0))), comparable(resolve(args.get(1))));
                }
                case "Fn::Not":
                    return !bool(list(arg, name, 1).get(0));
                case "Fn::And": {
                    for (Object item : list(arg, name, -1)) {
                        if (!bool(item)) {
                            return false;
                        }
                    }
                    return true;
                }
                case "Fn::Or": {
                    for (Object item : list(arg, name, -1)) {
                        if (bool(item)) {
                            return true;
                        }
                    }
                    return false;
                }
                default: {
                    Object resolved = resolve(node);
                    if (resolved instanceof Map<?, ?>) {
                        throw new TemplateException("not a condition: " + node);
                    }
                    return bool(resolved);
                }
            }
        }
        throw new TemplateException("not a condition: " + node);
    }

    private static Object comparable(Object value) {
        return value instanceof List<?> ? value : value == null ? null : text(value, "Fn::Equals");
    }

    private static List<?> list(Object value, String what, int size) {
        if (!(value instanceof List<?> list) || (size >= 0 && list.size() != size)) {
            throw new TemplateException(what + " needs a list" + (size >= 0 ? " of " + size : "") + ", got " + value);
        }
        return list;
    }

    /** Scalars as CloudFormation renders them into strings. */
    static String text(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString((long) d) : n.toString();
        }
        throw new TemplateException(what + " must be a string, got " + value);
    }
}
