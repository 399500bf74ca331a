package app.realmoments.interact.dynamo;

import static app.realmoments.aws.Attrs.s;

import app.realmoments.aws.BatchWrites;
import app.realmoments.interact.InteractionCleanup;
import app.realmoments.retry.Backoff;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The moment's partition of the interactions table ({@code MOMENT#{momentId}}: reactions and comments),
 * read a page at a time (keys only) and deleted 25 items to a BatchWriteItem.
 */
public final class DynamoInteractionCleanup implements InteractionCleanup {

    private final DynamoDbClient dynamo;
    private final String table;
    private final BatchWrites writes;

    public DynamoInteractionCleanup(DynamoDbClient dynamo, String interactionsTable) {
        this(dynamo, interactionsTable, Thread::sleep);
    }

    public DynamoInteractionCleanup(DynamoDbClient dynamo, String interactionsTable, Backoff.Sleeper sleeper) {
        this.dynamo = dynamo;
        this.table = interactionsTable;
        this.writes = new BatchWrites(dynamo, Backoff.standard(sleeper));
    }

    @Override
    public void removeAll(String momentId) {
        dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(DynamoInteractionStore.pk(momentId))))
                        .projectionExpression("pk, sk"))
                .forEach(page -> writes.deleteItems(table, page.items(), "interaction deletes"));
    }
}
