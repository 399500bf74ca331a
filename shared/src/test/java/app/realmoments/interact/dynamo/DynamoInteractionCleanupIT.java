package app.realmoments.interact.dynamo;

import static app.realmoments.aws.Attrs.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.testing.LocalAws;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoInteractionCleanupIT {

    private final LocalAws aws = LocalAws.shared();
    private final String table = aws.table("InteractionsTable");
    private final DynamoInteractionCleanup cleanup = new DynamoInteractionCleanup(aws.dynamo(), table);

    @Test
    void removesEveryReactionAndCommentOfTheMomentAcrossBatchesAndNothingElse() {
        String deleted = "m-" + UUID.randomUUID();
        String kept = "m-" + UUID.randomUUID();
        for (int i = 0; i < 30; i++) { // more than one BatchWriteItem of 25
            put(deleted, "REACTION#user-" + i);
        }
        put(deleted, "COMMENT#01M8KK2000000000000000000C");
        put(kept, "REACTION#user-1");
        put(kept, "COMMENT#01M8KK2000000000000000000D");

        cleanup.removeAll(deleted);
        cleanup.removeAll(deleted); // again: nothing left to do, no error

        assertEquals(0, count(deleted));
        assertEquals(2, count(kept));
    }

    private void put(String momentId, String sk) {
        aws.dynamo().putItem(b -> b.tableName(table).item(Map.of("pk", s("MOMENT#" + momentId), "sk", s(sk),
                "momentId", s(momentId))));
    }

    private int count(String momentId) {
        return aws.dynamo().query(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s("MOMENT#" + momentId))).consistentRead(true)).count();
    }
}
