package app.realmoments.testing;

import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** An author with N accepted friends in the emulator's users table, written directly (both edge items). */
public final class FanoutWorld {

    public final String author = UUID.randomUUID().toString();
    public final List<String> friends = new ArrayList<>();

    public FanoutWorld(DynamoDbClient dynamo, String usersTable, int friendCount) {
        List<WriteRequest> writes = new ArrayList<>();
        String since = Instant.now().toString();
        for (int i = 0; i < friendCount; i++) {
            String friend = UUID.randomUUID().toString();
            friends.add(friend);
            writes.add(edge(author, friend, since));
            writes.add(edge(friend, author, since));
        }
        for (int from = 0; from < writes.size(); from += 25) {
            Map<String, List<WriteRequest>> batch = Map.of(usersTable, writes.subList(from, Math.min(writes.size(), from + 25)));
            while (!batch.isEmpty()) {
                Map<String, List<WriteRequest>> sending = batch;
                batch = dynamo.batchWriteItem(r -> r.requestItems(sending)).unprocessedItems();
            }
        }
    }

    private static WriteRequest edge(String a, String b, String since) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("USER#" + a));
        item.put("sk", AttributeValue.fromS("FRIEND#" + b));
        item.put("userId", AttributeValue.fromS(a));
        item.put("friendId", AttributeValue.fromS(b));
        item.put("since", AttributeValue.fromS(since));
        return WriteRequest.builder().putRequest(p -> p.item(item)).build();
    }

    public Moment moment(Audience audience, String campusId) {
        Instant now = Instant.now();
        return new Moment(Ulids.next(), author, null, audience, campusId, MomentStatus.PUBLISHED, null, now, now, null, Map.of());
    }

    /** The partition keys of every feed entry of the moment, through the feed table's ByMoment index. */
    public static List<String> entriesOf(DynamoDbClient dynamo, String feedTable, String momentId) {
        List<String> pks = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder query = QueryRequest.builder().tableName(feedTable).indexName("ByMoment")
                    .keyConditionExpression("momentId = :m")
                    .expressionAttributeValues(Map.of(":m", AttributeValue.fromS(momentId)));
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(query.build());
            response.items().forEach(item -> pks.add(item.get("pk").s()));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return pks;
    }
}
