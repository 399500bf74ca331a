package app.realmoments.emulator.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads a CloudFormation / SAM template written in YAML. The short-form tags ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub} ...) become the long form CloudFormation itself uses
 * ({@code {"Ref": x}}, {@code {"Fn::GetAtt": [a, b]}} ...), so the resolver only knows one form.
 */
public final class TemplateYaml {

    /** Every short-form tag CloudFormation accepts, by tag name without the "!". */
    private static final List<String> FUNCTIONS = List.of(
            "Base64", "Cidr", "FindInMap", "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub",
            "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString", "ForEach");

    private TemplateYaml() {
    }

    /** Parses YAML text into plain maps, lists and scalars, intrinsic functions in long form. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Yaml yaml = new Yaml(new CfnConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options);
        Object document = yaml.load(text);
        if (!(document instanceof Map<?, ?> map)) {
            throw new TemplateException("the template is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            // Dates stay text, as CloudFormation reads them (AWSTemplateFormatVersion unquoted, for one).
            yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlStr());
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function));
            }
        }

        /** Builds {@code {key: value}} from a tagged node, whatever its kind. */
        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Object value = switch (node) {
                    case ScalarNode scalar -> {
                        String text = constructScalar(scalar);
                        if (key.equals("Fn::GetAtt")) {
                            int dot = text.indexOf('.');
                            if (dot <= 0) {
                                throw new TemplateException("!GetAtt needs Resource.Attribute, got " + text);
                            }
                            yield List.of(text.substring(0, dot), text.substring(dot + 1));
                        }
                        yield text;
                    }
                    case SequenceNode sequence -> new ArrayList<>(constructSequence(sequence));
                    case MappingNode mapping -> new LinkedHashMap<>(constructMapping(mapping));
                    default -> throw new TemplateException("unexpected YAML node for " + key);
                };
                Map<String, Object> result = new LinkedHashMap<>();
                result.put(key, value);
                return result;
            }
        }
    }
}
