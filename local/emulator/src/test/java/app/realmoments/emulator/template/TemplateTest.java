package app.realmoments.emulator.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.emulator.provision.ProvisionedStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading template.yaml and resolving intrinsic functions. */
class TemplateTest {

    /** Physical ids as "phys-<LogicalId>", attributes as "<LogicalId>.<Attribute>". */
    private static final Intrinsics.ResourceLookup FAKE = new Intrinsics.ResourceLookup() {
        @Override
        public String ref(String logicalId) {
            return "phys-" + logicalId;
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            return logicalId + "." + attribute;
        }
    };

    private static Template real() {
        return Template.read(ProvisionedStack.findRoot().resolve("template.yaml"));
    }

    private static Intrinsics intrinsics(Template template) {
        return new Intrinsics(template, StackSettings.LOCAL, Parameters.values(template, Map.of()), FAKE);
    }

    @Test
    void readsTheRealTemplateWithShortFormTagsInLongForm() {
        Template template = real();
        assertFalse(template.resourcesOfType("AWS::Serverless::Function").isEmpty());
        assertFalse(template.resourcesOfType("AWS::DynamoDB::Table").isEmpty());
        Object issuer = ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) template.resource("HttpApi").properties()
                .get("Auth")).get("Authorizers")).get("CognitoJwt")).get("JwtConfiguration")).get("issuer");
        assertTrue(issuer instanceof Map<?, ?> m && m.containsKey("Fn::Sub"), String.valueOf(issuer));
        Object deadLetter = ((Map<?, ?>) template.resource("NotificationsQueue").properties().get("RedrivePolicy"))
                .get("deadLetterTargetArn");
        assertEquals(Map.of("Fn::GetAtt", List.of("NotificationsDeadLetterQueue", "Arn")), deadLetter);
    }

    @Test
    void ordersResourcesAfterWhatTheyReference() {
        List<String> order = real().inDependencyOrder().stream().map(Template.Resource::logicalId).toList();
        assertTrue(order.containsAll(List.of("NotificationsDeadLetterQueue", "NotificationsQueue", "UserPool",
                "UserPoolClient", "HttpApi", "MomentsTable", "FeedFanoutFunction", "MediaBucket", "MediaBucketPolicy")), order.toString());
        assertTrue(order.indexOf("NotificationsDeadLetterQueue") < order.indexOf("NotificationsQueue"), order.toString());
        assertTrue(order.indexOf("UserPool") < order.indexOf("UserPoolClient"));
        assertTrue(order.indexOf("UserPoolClient") < order.indexOf("HttpApi"));
        assertTrue(order.indexOf("MomentsTable") < order.indexOf("FeedFanoutFunction"));
        assertTrue(order.indexOf("MediaBucket") < order.indexOf("MediaBucketPolicy"));
        assertEquals(real().resources().size(), order.size());
    }

    @Test
    void resolvesTheRealOutputs() {
        Template template = real();
        Intrinsics intrinsics = intrinsics(template);
        Map<?, ?> apiUrl = (Map<?, ?>) template.section("Outputs").get("ApiUrl");
        assertEquals("https://phys-HttpApi.execute-api.us-east-1.amazonaws.com/dev", intrinsics.string(apiUrl.get("Value")));
        Map<?, ?> issuer = (Map<?, ?>) template.section("Outputs").get("UserPoolIssuer");
        assertEquals("https://cognito-idp.us-east-1.amazonaws.com/phys-UserPool", intrinsics.string(issuer.get("Value")));
    }

    private static final String INLINE = """
            AWSTemplateFormatVersion: 2010-09-09
            Parameters:
              Env: {Type: String, Default: prod}
              Zones: {Type: CommaDelimitedList, Default: "a,b,c"}
              Size: {Type: Number, Default: 3}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsDev: !Not [!Condition IsProd]
              Both: !And [!Condition IsProd, !Equals [!Ref Size, 3]]
              Either: !Or [!Condition IsDev, !Equals ["x", "y"]]
            Mappings:
              Sizes:
                prod: {memory: 2048}
            Globals:
              Function:
                Timeout: 9
                Layers: [global-layer]
                Environment:
                  Variables: {A: global, B: global}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                DependsOn: Table
              Table:
                Type: AWS::DynamoDB::Table
                Condition: IsProd
              DevOnly:
                Type: AWS::SQS::Queue
                Condition: IsDev
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Layers: [own-layer]
                  Environment:
                    Variables: {B: own, C: !Ref Queue}
                  Things:
                    att: !GetAtt Table.StreamArn
                    attList: !GetAtt [Queue, Arn]
                    sub: !Sub "${AWS::StackName}-${Table}-${Queue.Arn}-${!Literal}-${AWS::Region}"
                    subMap: !Sub ["${Greeting}, ${Name}!", {Greeting: hello, Name: !Ref Env}]
                    join: !Join ["-", [a, !Ref Env, !Ref Size]]
                    select: !Select [1, !Ref Zones]
                    selectSplit: !Select [2, !Split [",", "x,y,z"]]
                    ifProd: !If [IsProd, big, small]
                    gone: !If [IsDev, here, !Ref AWS::NoValue]
                    list: [one, !If [IsDev, two, !Ref AWS::NoValue], three]
                    find: !FindInMap [Sizes, !Ref Env, memory]
                    azs: !GetAZs ""
                    base64: !Base64 hi
                    both: !If [Both, "both-true", "both-false"]
                    either: !If [Either, "either-true", "either-false"]
                    account: !Sub "${AWS::AccountId}:${AWS::Partition}:${AWS::URLSuffix}"
            """;

    @Test
    @SuppressWarnings("unchecked")
    void resolvesEveryIntrinsicOfASmallTemplate() {
        Template template = Template.parse(INLINE);
        Intrinsics intrinsics = intrinsics(template);
        Map<String, Object> fn = (Map<String, Object>) intrinsics.resolve(template.resource("Fn").properties());
        Map<String, Object> things = (Map<String, Object>) fn.get("Things");
        assertEquals("Table.StreamArn", things.get("att"));
        assertEquals("Queue.Arn", things.get("attList"));
        assertEquals("real-moments-local-phys-Table-Queue.Arn-${Literal}-us-east-1", things.get("sub"));
        assertEquals("hello, prod!", things.get("subMap"));
        assertEquals("a-prod-3", things.get("join"));
        assertEquals("b", things.get("select"));
        assertEquals("z", things.get("selectSplit"));
        assertEquals("big", things.get("ifProd"));
        assertFalse(things.containsKey("gone"), "AWS::NoValue removes the key");
        assertEquals(List.of("one", "three"), things.get("list"));
        assertEquals(2048, things.get("find"));
        assertEquals(List.of("us-east-1a", "us-east-1b", "us-east-1c"), things.get("azs"));
        assertEquals("aGk=", things.get("base64"));
        assertEquals("both-true", things.get("both"));
        assertEquals("either-false", things.get("either"));
        assertEquals("123456789012:aws:amazonaws.com", things.get("account"));

        assertEquals(9, fn.get("Timeout"), "Globals apply");
        assertEquals(List.of("global-layer", "own-layer"), fn.get("Layers"), "lists: global entries, then the function's");
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) fn.get("Environment")).get("Variables");
        assertEquals(Map.of("A", "global", "B", "own", "C", "phys-Queue"), variables);

        assertTrue(intrinsics.enabled(template.resource("Table")));
        assertFalse(intrinsics.enabled(template.resource("DevOnly")));
        List<String> order = template.inDependencyOrder().stream().map(Template.Resource::logicalId).toList();
        assertTrue(order.indexOf("Table") < order.indexOf("Queue"), "DependsOn orders too");
    }

    @Test
    void namesWhatItCannotResolve() {
        Template template = Template.parse("""
                Resources:
                  A:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: !Ref Nothing, Other: !ImportValue shared-thing}
                  B:
                    Type: AWS::SQS::Queue
                    Condition: Never
                """);
        Intrinsics intrinsics = intrinsics(template);
        Map<String, Object> properties = template.resource("A").properties();
        TemplateException unknown = assertThrows(TemplateException.class, () -> intrinsics.resolve(properties.get("QueueName")));
        assertTrue(unknown.getMessage().contains("Nothing"));
        assertThrows(TemplateException.class, () -> intrinsics.resolve(properties.get("Other")));
        assertThrows(TemplateException.class, () -> intrinsics.enabled(template.resource("B")));
    }

    @Test
    void refusesCyclesAndParametersWithoutValues() {
        Template cycle = Template.parse("""
                Resources:
                  A: {Type: AWS::SQS::Queue, Properties: {X: !GetAtt B.Arn}}
                  B: {Type: AWS::SQS::Queue, Properties: {X: !Sub "${A}"}}
                """);
        assertThrows(TemplateException.class, cycle::inDependencyOrder);
        Template needsValue = Template.parse("""
                Parameters:
                  Name: {Type: String}
                Resources: {}
                """);
        assertThrows(TemplateException.class, () -> Parameters.values(needsValue, Map.of()));
        assertEquals("given", Parameters.values(needsValue, Map.of("Name", "given")).get("Name"));
        Template notAllowed = Template.parse("""
                Parameters:
                  Stage: {Type: String, Default: dev, AllowedValues: [dev, prod]}
                Resources: {}
                """);
        assertThrows(TemplateException.class, () -> Parameters.values(notAllowed, Map.of("Stage", "qa")));
    }

    @Test
    void referencesFindRefsGetAttsAndSubVariables() {
        assertEquals(java.util.Set.of("A", "B", "C"), Template.references(Map.of("x", List.of(
                Map.of("Ref", "A"), Map.of("Fn::GetAtt", List.of("B", "Arn")),
                Map.of("Fn::Sub", "${C.Arn}/${!Not}/${AWS::Region}")))).stream()
                .filter(s -> !s.startsWith("AWS::")).collect(java.util.stream.Collectors.toSet()));
        assertNull(Template.parse("Resources: {}").section("Outputs").get("x"));
    }

    @Test
    void rootIsFound() {
        Path root = ProvisionedStack.findRoot();
        assertTrue(root.resolve("template.yaml").toFile().isFile());
    }
}
