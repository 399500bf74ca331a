package app.realmoments.emulator.provision;

import static app.realmoments.emulator.provision.ResourceProperties.map;
import static app.realmoments.emulator.provision.ResourceProperties.maps;
import static app.realmoments.emulator.provision.ResourceProperties.str;
import static app.realmoments.emulator.provision.ResourceProperties.strings;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import app.realmoments.emulator.template.StackSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkServiceException;
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

/** AWS::DynamoDB::Table: key schema, indexes, billing, the stream and time to live. */
record Tables(Aws aws, StackSettings settings) {

    Physical create(String id, Map<String, Object> p) {
        String name = str(p, "TableName", settings.physicalName(id));
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
}
