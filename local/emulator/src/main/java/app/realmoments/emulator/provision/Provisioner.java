package app.realmoments.emulator.provision;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import app.realmoments.emulator.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Creates the template's resources in the emulator, in dependency order, and records each one's
 * physical id; each kind the emulator holds is made by a class of its own ({@link Tables},
 * {@link Buckets}, {@link Queues}, {@link Topics}, {@link UserPools}). What the emulator cannot hold
 * usefully (IAM, log groups, alarms, policies ...) is skipped and named once. Creating something that
 * already exists (a long-lived emulator given with --endpoint) reuses it.
 */
public final class Provisioner {

    private final Aws aws;
    private final StackSettings settings;
    private final Template template;
    private final Intrinsics intrinsics;
    private final StackResources resources;
    private final String apiId;

    public Provisioner(Aws aws, StackSettings settings, Template template, Intrinsics intrinsics,
                       StackResources resources, String apiId) {
        this.aws = aws;
        this.settings = settings;
        this.template = template;
        this.intrinsics = intrinsics;
        this.resources = resources;
        this.apiId = apiId;
    }

    /** Creates everything; returns the logical ids that were not emulated. */
    public List<String> provisionAll() {
        List<String> notEmulated = new ArrayList<>();
        for (Template.Resource resource : template.inDependencyOrder()) {
            if (!intrinsics.enabled(resource)) {
                continue;
            }
            Physical physical;
            try {
                physical = create(resource);
            } catch (TemplateException e) {
                throw new TemplateException("resource " + resource.logicalId() + ": " + e.getMessage(), e);
            } catch (SdkServiceException e) {
                throw new IllegalStateException("the emulator refused to create " + resource.logicalId() + " ("
                        + resource.type() + "): " + e.getMessage(), e);
            }
            if (!physical.emulated()) {
                notEmulated.add(resource.logicalId() + " (" + resource.type() + ")");
            }
            resources.put(resource.logicalId(), physical);
        }
        if (!notEmulated.isEmpty()) {
            RuntimeLog.info("not emulated: " + String.join(", ", notEmulated));
        }
        return notEmulated;
    }

    private Physical create(Template.Resource resource) {
        String id = resource.logicalId();
        return switch (resource.type()) {
            case "AWS::DynamoDB::Table" -> new Tables(aws, settings).create(id, props(resource));
            case "AWS::S3::Bucket" -> new Buckets(aws, settings).create(id, props(resource));
            case "AWS::SQS::Queue" -> new Queues(aws, settings).create(id, props(resource));
            case "AWS::SNS::Topic" -> new Topics(aws, settings).create(id, props(resource));
            case "AWS::Cognito::UserPool" -> new UserPools(aws, settings).pool(id, props(resource));
            case "AWS::Cognito::UserPoolClient" -> new UserPools(aws, settings).client(id, props(resource));
            case "AWS::Cognito::UserPoolGroup" -> new UserPools(aws, settings).group(id, props(resource));
            case "AWS::SES::EmailIdentity" -> new EmailIdentities(aws).create(id, props(resource));
            case "AWS::Serverless::Function" -> function(id, resource);
            case "AWS::Serverless::HttpApi" -> Physical.of(resource.type(), apiId, Map.of(
                    "ApiId", apiId,
                    "ApiEndpoint", "https://" + apiId + ".execute-api." + settings.region() + "." + settings.urlSuffix()));
            default -> new Physical(resource.type(), placeholderName(resource), Map.of(), false);
        };
    }

    /** What Ref gives for a resource the emulator does not hold: its own name property if it has one. */
    private String placeholderName(Template.Resource resource) {
        String nameProperty = switch (resource.type()) {
            case "AWS::Logs::LogGroup" -> "LogGroupName";
            case "AWS::IAM::Role" -> "RoleName";
            case "AWS::IAM::ManagedPolicy" -> "ManagedPolicyName";
            default -> null;
        };
        if (nameProperty != null && resource.properties().get(nameProperty) != null) {
            try {
                return intrinsics.string(resource.properties().get(nameProperty));
            } catch (TemplateException unresolvable) {
                // fall back to the generated name
            }
        }
        return settings.physicalName(resource.logicalId());
    }

    private Map<String, Object> props(Template.Resource resource) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) intrinsics.resolve(resource.properties());
        return resolved;
    }

    private Physical function(String id, Template.Resource resource) {
        Object name = resource.properties().get("FunctionName");
        String functionName = name == null ? settings.physicalName(id) : intrinsics.string(name);
        String arn = settings.arn("lambda", "function:" + functionName);
        return Physical.of(resource.type(), functionName, Map.of("Arn", arn));
    }
}
