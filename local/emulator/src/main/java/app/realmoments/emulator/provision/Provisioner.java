package app.realmoments.emulator.provision;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import app.realmoments.emulator.template.TemplateException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminCreateUserConfigType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolClientRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CreateUserPoolRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolPolicyType;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's resources in the emulator, in dependency order, and records each one's
 * physical id. What the emulator cannot hold usefully (IAM, log groups, alarms, policies ...) is
 * skipped and named once. Creating something that already exists (a long-lived emulator given with
 * --endpoint) reuses it.
 */
public final class Provisioner {

    private static final ObjectMapper JSON = new ObjectMapper();

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
            case "AWS::DynamoDB::Table" -> table(id, props(resource));
            case "AWS::S3::Bucket" -> bucket(id, props(resource));
            case "AWS::SQS::Queue" -> queue(id, props(resource));
            case "AWS::SNS::Topic" -> topic(id, props(resource));
            case "AWS::Cognito::UserPool" -> userPool(id, props(resource));
            case "AWS::Cognito::UserPoolClient" -> userPoolClient(id, props(resource));
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
        return physicalName(resource.logicalId());
    }

    private Map<String, Object> props(Template.Resource resource) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) intrinsics.resolve(resource.properties());
        return resolved;
    }

    /** {@code real-moments-local-UsersTable}: CloudFormation's stack-id pattern without the random tail. */
    public String physicalName(String logicalId) {
        return settings.stackName() + "-" + logicalId;
    }

    // ------------------------------------------------------------------ DynamoDB

    private Physical table(String id, Map<String, Object> p) {
        String name = str(p, "TableName", physicalName(id));
        BillingMode billing = BillingMode.fromValue(str(p, "BillingMode", "PROVISIONED"));
        boolean provisioned = billing != BillingMode.PAY_PER_REQUEST;
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(billing)
                .attributeDefinitions(maps(p, "AttributeDefinitions").stream().map(a -> AttributeDefinition.builder()
                        .attributeName(str(a, "AttributeName", null))
                        .attributeType(str(a, "AttributeType", null)).build()).toList())
                .keySchema(keySchema(maps(p, "KeySchema")));
        if (provisioned) {
            request.provisionedThroughput(throughput(map(p, "ProvisionedThroughput")));
        }
        List<GlobalSecondaryIndex> gsis = maps(p, "GlobalSecondaryIndexes").stream().map(g -> {
            GlobalSecondaryIndex.Builder index = GlobalSecondaryIndex.builder()
                    .indexName(str(g, "IndexName", null))
                    .keySchema(keySchema(maps(g, "KeySchema")))
                    .projection(projection(map(g, "Projection")));
            if (provisioned) {
                index.provisionedThroughput(throughput(map(g, "ProvisionedThroughput")));
            }
            return index.build();
        }).toList();
        if (!gsis.isEmpty()) {
            request.globalSecondaryIndexes(gsis);
        }
        List<LocalSecondaryIndex> lsis = maps(p, "LocalSecondaryIndexes").stream().map(l -> LocalSecondaryIndex.builder()
                .indexName(str(l, "IndexName", null))
                .keySchema(keySchema(maps(l, "KeySchema")))
                .projection(projection(map(l, "Projection"))).build()).toList();
        if (!lsis.isEmpty()) {
            request.localSecondaryIndexes(lsis);
        }
        Map<String, Object> stream = map(p, "StreamSpecification");
        if (stream.get("StreamViewType") != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(str(stream, "StreamViewType", null)).build());
        }
        TableDescription table;
        try {
            table = aws.dynamo().createTable(request.build()).tableDescription();
        } catch (ResourceInUseException exists) {
            table = aws.dynamo().describeTable(b -> b.tableName(name)).table();
            RuntimeLog.info("table " + name + " exists already: reused");
        }
        aws.dynamo().waiter().waitUntilTableExists(b -> b.tableName(name));
        Map<String, Object> ttl = map(p, "TimeToLiveSpecification");
        if (Boolean.parseBoolean(String.valueOf(ttl.get("Enabled"))) && ttl.get("AttributeName") != null) {
            try {
                aws.dynamo().updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t
                        .enabled(true).attributeName(str(ttl, "AttributeName", null))));
            } catch (SdkServiceException alreadyOn) {
                // enabling twice is refused; it is on either way
            }
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("Arn", table.tableArn());
        if (table.latestStreamArn() != null) {
            attributes.put("StreamArn", table.latestStreamArn());
        }
        return Physical.of("AWS::DynamoDB::Table", name, attributes);
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> elements) {
        return elements.stream().map(k -> KeySchemaElement.builder()
                .attributeName(str(k, "AttributeName", null)).keyType(str(k, "KeyType", null)).build()).toList();
    }

    private static Projection projection(Map<String, Object> p) {
        Projection.Builder projection = Projection.builder().projectionType(str(p, "ProjectionType", "ALL"));
        List<String> nonKey = strings(p, "NonKeyAttributes");
        if (!nonKey.isEmpty()) {
            projection.nonKeyAttributes(nonKey);
        }
        return projection.build();
    }

    private static ProvisionedThroughput throughput(Map<String, Object> p) {
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(str(p, "ReadCapacityUnits", "5")))
                .writeCapacityUnits(Long.parseLong(str(p, "WriteCapacityUnits", "5"))).build();
    }

    // ------------------------------------------------------------------ S3

    private Physical bucket(String id, Map<String, Object> p) {
        String name = str(p, "BucketName", physicalName(id).toLowerCase(Locale.ROOT));
        try {
            aws.s3().createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException exists) {
            RuntimeLog.info("bucket " + name + " exists already: reused");
        }
        List<Map<String, Object>> cors = maps(map(p, "CorsConfiguration"), "CorsRules");
        if (!cors.isEmpty()) {
            List<CORSRule> rules = cors.stream().map(r -> {
                CORSRule.Builder rule = CORSRule.builder()
                        .allowedMethods(strings(r, "AllowedMethods"))
                        .allowedOrigins(strings(r, "AllowedOrigins"))
                        .allowedHeaders(strings(r, "AllowedHeaders"))
                        .exposeHeaders(strings(r, "ExposedHeaders"));
                if (r.get("MaxAge") != null) {
                    rule.maxAgeSeconds(Integer.parseInt(str(r, "MaxAge", null)));
                }
                if (r.get("Id") != null) {
                    rule.id(str(r, "Id", null));
                }
                return rule.build();
            }).toList();
            aws.s3().putBucketCors(b -> b.bucket(name).corsConfiguration(c -> c.corsRules(rules)));
        }
        String base = settings.urlSuffix();
        return Physical.of("AWS::S3::Bucket", name, Map.of(
                "Arn", "arn:" + settings.partition() + ":s3:::" + name,
                "DomainName", name + ".s3." + base,
                "RegionalDomainName", name + ".s3." + settings.region() + "." + base,
                "DualStackDomainName", name + ".s3.dualstack." + settings.region() + "." + base,
                "WebsiteURL", "http://" + name + ".s3-website-" + settings.region() + "." + base));
    }

    // ------------------------------------------------------------------ SQS and SNS

    private Physical queue(String id, Map<String, Object> p) {
        boolean fifo = Boolean.parseBoolean(str(p, "FifoQueue", "false"));
        String name = str(p, "QueueName", physicalName(id) + (fifo ? ".fifo" : ""));
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        Map<String, QueueAttributeName> known = Map.of(
                "VisibilityTimeout", QueueAttributeName.VISIBILITY_TIMEOUT,
                "MessageRetentionPeriod", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                "DelaySeconds", QueueAttributeName.DELAY_SECONDS,
                "MaximumMessageSize", QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
                "ReceiveMessageWaitTimeSeconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS,
                "FifoQueue", QueueAttributeName.FIFO_QUEUE,
                "ContentBasedDeduplication", QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        known.forEach((property, attribute) -> {
            if (p.get(property) != null) {
                attributes.put(attribute, str(p, property, null));
            }
        });
        if (p.get("RedrivePolicy") != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, json(p.get("RedrivePolicy")));
        }
        String url = aws.sqs().createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        String arn = aws.sqs().getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        return Physical.of("AWS::SQS::Queue", url, Map.of("Arn", arn, "QueueName", name, "QueueUrl", url));
    }

    private Physical topic(String id, Map<String, Object> p) {
        boolean fifo = Boolean.parseBoolean(str(p, "FifoTopic", "false"));
        String name = str(p, "TopicName", physicalName(id) + (fifo ? ".fifo" : ""));
        Map<String, String> attributes = new LinkedHashMap<>();
        if (fifo) {
            attributes.put("FifoTopic", "true");
        }
        if (p.get("DisplayName") != null) {
            attributes.put("DisplayName", str(p, "DisplayName", null));
        }
        String arn = aws.sns().createTopic(b -> b.name(name).attributes(attributes)).topicArn();
        return Physical.of("AWS::SNS::Topic", arn, Map.of("TopicArn", arn, "TopicName", name));
    }

    // ------------------------------------------------------------------ Cognito

    private Physical userPool(String id, Map<String, Object> p) {
        String name = str(p, "UserPoolName", physicalName(id));
        String poolId = null;
        String arn = null;
        for (UserPoolDescriptionType existing : aws.cognito().listUserPoolsPaginator(b -> b.maxResults(60)).userPools()) {
            if (existing.name().equals(name)) {
                poolId = existing.id();
                RuntimeLog.info("user pool " + name + " exists already: reused " + poolId);
                break;
            }
        }
        if (poolId == null) {
            CreateUserPoolRequest.Builder request = CreateUserPoolRequest.builder().poolName(name);
            List<String> usernameAttributes = strings(p, "UsernameAttributes");
            if (!usernameAttributes.isEmpty()) {
                request.usernameAttributesWithStrings(usernameAttributes);
            }
            List<String> aliases = strings(p, "AliasAttributes");
            if (!aliases.isEmpty()) {
                request.aliasAttributesWithStrings(aliases);
            }
            List<String> verified = strings(p, "AutoVerifiedAttributes");
            if (!verified.isEmpty()) {
                request.autoVerifiedAttributesWithStrings(verified);
            }
            Map<String, Object> password = map(map(p, "Policies"), "PasswordPolicy");
            if (!password.isEmpty()) {
                PasswordPolicyType.Builder policy = PasswordPolicyType.builder();
                if (password.get("MinimumLength") != null) {
                    policy.minimumLength(Integer.parseInt(str(password, "MinimumLength", null)));
                }
                policy.requireLowercase(bool(password, "RequireLowercase"))
                        .requireUppercase(bool(password, "RequireUppercase"))
                        .requireNumbers(bool(password, "RequireNumbers"))
                        .requireSymbols(bool(password, "RequireSymbols"));
                request.policies(UserPoolPolicyType.builder().passwordPolicy(policy.build()).build());
            }
            Map<String, Object> admin = map(p, "AdminCreateUserConfig");
            if (admin.get("AllowAdminCreateUserOnly") != null) {
                request.adminCreateUserConfig(AdminCreateUserConfigType.builder()
                        .allowAdminCreateUserOnly(bool(admin, "AllowAdminCreateUserOnly")).build());
            }
            if (p.get("LambdaConfig") != null) {
                RuntimeLog.warn("user pool " + id + ": LambdaConfig triggers are not emulated");
            }
            var pool = aws.cognito().createUserPool(request.build()).userPool();
            poolId = pool.id();
            arn = pool.arn();
        }
        if (arn == null) {
            String found = poolId;
            arn = aws.cognito().describeUserPool(b -> b.userPoolId(found)).userPool().arn();
        }
        String provider = "cognito-idp." + settings.region() + "." + settings.urlSuffix() + "/" + poolId;
        return Physical.of("AWS::Cognito::UserPool", poolId, Map.of(
                "Arn", arn, "UserPoolId", poolId, "ProviderName", provider, "ProviderURL", "https://" + provider));
    }

    private Physical userPoolClient(String id, Map<String, Object> p) {
        String poolId = str(p, "UserPoolId", null);
        String name = str(p, "ClientName", physicalName(id));
        for (UserPoolClientDescription existing : aws.cognito()
                .listUserPoolClientsPaginator(b -> b.userPoolId(poolId).maxResults(60)).userPoolClients()) {
            if (existing.clientName().equals(name)) {
                RuntimeLog.info("user pool client " + name + " exists already: reused");
                return Physical.of("AWS::Cognito::UserPoolClient", existing.clientId(),
                        Map.of("ClientId", existing.clientId(), "Name", name));
            }
        }
        CreateUserPoolClientRequest.Builder request = CreateUserPoolClientRequest.builder()
                .userPoolId(poolId).clientName(name)
                .generateSecret(bool(p, "GenerateSecret"));
        List<String> flows = strings(p, "ExplicitAuthFlows");
        if (!flows.isEmpty()) {
            request.explicitAuthFlowsWithStrings(flows);
        }
        if (p.get("PreventUserExistenceErrors") != null) {
            request.preventUserExistenceErrors(str(p, "PreventUserExistenceErrors", null));
        }
        var client = aws.cognito().createUserPoolClient(request.build()).userPoolClient();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("ClientId", client.clientId());
        attributes.put("Name", name);
        if (client.clientSecret() != null) {
            attributes.put("ClientSecret", client.clientSecret());
        }
        return Physical.of("AWS::Cognito::UserPoolClient", client.clientId(), attributes);
    }

    // ------------------------------------------------------------------ SAM

    private Physical function(String id, Template.Resource resource) {
        Object name = resource.properties().get("FunctionName");
        String functionName = name == null ? physicalName(id) : intrinsics.string(name);
        String arn = settings.arn("lambda", "function:" + functionName);
        return Physical.of(resource.type(), functionName, Map.of("Arn", arn));
    }

    // ------------------------------------------------------------------ helpers

    private static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new TemplateException("cannot render " + value + " as JSON", e);
        }
    }

    static String str(Map<String, Object> p, String key, String fallback) {
        Object value = p.get(key);
        if (value == null) {
            if (fallback == null && !p.containsKey(key)) {
                throw new TemplateException(key + " is required");
            }
            return fallback;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateException(key + " must be a single value");
        }
        return String.valueOf(value);
    }

    private static boolean bool(Map<String, Object> p, String key) {
        return Boolean.parseBoolean(String.valueOf(p.get(key)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> p, String key) {
        Object value = p.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(item -> (Map<String, Object>) item).toList();
    }

    static List<String> strings(Map<String, Object> p, String key) {
        Object value = p.get(key);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
