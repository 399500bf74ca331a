package app.realmoments.emulator.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed SAM template: its sections as plain maps, its resources in template order with SAM's
 * {@code Globals} already merged in, and the order in which resources can be created.
 */
public final class Template {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> root;
    private final Map<String, Resource> resources;

    /** One entry of {@code Resources}; {@code properties} are unresolved (intrinsics still in them). */
    public record Resource(String logicalId, String type, Map<String, Object> properties, List<String> dependsOn,
                           String condition) {
    }

    private Template(Map<String, Object> root) {
        this.root = root;
        Map<String, Object> globals = section("Globals");
        Map<String, Resource> parsed = new LinkedHashMap<>();
        section("Resources").forEach((id, value) -> {
            Map<String, Object> body = asMap(value, "resource " + id);
            Object type = body.get("Type");
            if (!(type instanceof String typeName)) {
                throw new TemplateException("resource " + id + " has no Type");
            }
            Map<String, Object> properties = body.get("Properties") == null
                    ? new LinkedHashMap<>() : asMap(body.get("Properties"), "properties of " + id);
            if (typeName.startsWith("AWS::Serverless::")) {
                // SAM: Globals.Function applies to AWS::Serverless::Function, Globals.HttpApi to HttpApi ...
                Object global = globals.get(typeName.substring("AWS::Serverless::".length()));
                if (global != null) {
                    properties = mergeGlobals(asMap(global, "Globals"), properties);
                }
            }
            parsed.put(id, new Resource(id, typeName, properties, dependsOn(body.get("DependsOn")),
                    body.get("Condition") instanceof String c ? c : null));
        });
        this.resources = parsed;
    }

    public static Template read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the template " + file, e);
        }
    }

    public static Template parse(String yaml) {
        return new Template(TemplateYaml.parse(yaml));
    }

    /** A top-level section (Parameters, Conditions, Mappings, Outputs, Globals ...), empty when absent. */
    public Map<String, Object> section(String name) {
        Object value = root.get(name);
        return value == null ? Map.of() : asMap(value, name);
    }

    public Map<String, Resource> resources() {
        return resources;
    }

    public Resource resource(String logicalId) {
        Resource resource = resources.get(logicalId);
        if (resource == null) {
            throw new TemplateException("no resource " + logicalId + " in the template");
        }
        return resource;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources.values().stream().filter(r -> r.type().equals(type)).toList();
    }

    /**
     * Every resource, each after the ones it names through Ref, Fn::GetAtt, Fn::Sub or DependsOn
     * (template order otherwise). A cycle is an error, as in CloudFormation.
     */
    public List<Resource> inDependencyOrder() {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        for (Resource resource : resources.values()) {
            Set<String> deps = new LinkedHashSet<>(resource.dependsOn());
            deps.addAll(references(resource.properties()));
            deps.retainAll(resources.keySet());
            deps.remove(resource.logicalId());
            needs.put(resource.logicalId(), deps);
        }
        List<Resource> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        Set<String> visiting = new LinkedHashSet<>();
        for (String id : resources.keySet()) {
            visit(id, needs, done, visiting, ordered);
        }
        return ordered;
    }

    private void visit(String id, Map<String, Set<String>> needs, Set<String> done, Set<String> visiting,
                       List<Resource> ordered) {
        if (done.contains(id)) {
            return;
        }
        if (!visiting.add(id)) {
            throw new TemplateException("circular dependency between resources: " + visiting);
        }
        for (String dep : needs.get(id)) {
            visit(dep, needs, done, visiting, ordered);
        }
        visiting.remove(id);
        done.add(id);
        ordered.add(resources.get(id));
    }

    /** The logical ids (and parameter names) a piece of template refers to. */
    public static Set<String> references(Object node) {
        Set<String> found = new LinkedHashSet<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.push(node == null ? Map.of() : node);
        while (!todo.isEmpty()) {
            Object current = todo.pop();
            if (current instanceof Map<?, ?> map) {
                if (map.size() == 1 && map.get("Ref") instanceof String ref) {
                    found.add(ref);
                    continue;
                }
                if (map.size() == 1 && map.containsKey("Fn::GetAtt")) {
                    Object att = map.get("Fn::GetAtt");
                    if (att instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String id) {
                        found.add(id);
                    } else if (att instanceof String text && text.contains(".")) {
                        found.add(text.substring(0, text.indexOf('.')));
                    }
                    continue;
                }
                if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                    Object sub = map.get("Fn::Sub");
                    Set<String> local = new LinkedHashSet<>();
                    String text = null;
                    if (sub instanceof String s) {
                        text = s;
                    } else if (sub instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String s) {
                        text = s;
                        if (list.size() > 1 && list.get(1) instanceof Map<?, ?> vars) {
                            for (Object key : vars.keySet()) {
                                local.add(String.valueOf(key));
                            }
                            todo.push(vars);
                        }
                    }
                    if (text != null) {
                        Matcher matcher = SUB_VARIABLE.matcher(text);
                        while (matcher.find()) {
                            String name = matcher.group(1).trim();
                            if (!local.contains(name)) {
                                int dot = name.indexOf('.');
                                found.add(dot > 0 ? name.substring(0, dot) : name);
                            }
                        }
                    }
                    continue;
                }
                todo.addAll(map.values());
            } else if (current instanceof Collection<?> list) {
                todo.addAll(list);
            }
        }
        return found;
    }

    /**
     * SAM's rule for Globals: maps merge key by key (recursively), lists are the global entries then the
     * resource's own, and for anything else the resource's own value wins.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeGlobals(Map<String, Object> global, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(global);
        own.forEach((key, value) -> {
            Object base = merged.get(key);
            if (base instanceof Map<?, ?> baseMap && value instanceof Map<?, ?> ownMap && !isIntrinsic(ownMap)
                    && !isIntrinsic(baseMap)) {
                merged.put(key, mergeGlobals((Map<String, Object>) baseMap, (Map<String, Object>) ownMap));
            } else if (base instanceof List<?> baseList && value instanceof List<?> ownList) {
                List<Object> both = new ArrayList<>(baseList);
                both.addAll(ownList);
                merged.put(key, both);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static boolean isIntrinsic(Map<?, ?> map) {
        if (map.size() != 1) {
            return false;
        }
        Object key = map.keySet().iterator().next();
        return key instanceof String name && (name.equals("Ref") || name.startsWith("Fn::") || name.equals("Condition"));
    }

    private static List<String> dependsOn(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof String one) {
            return List.of(one);
        }
        if (value instanceof List<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        throw new TemplateException("DependsOn must be a name or a list of names");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TemplateException(what + " must be a mapping");
    }
}
