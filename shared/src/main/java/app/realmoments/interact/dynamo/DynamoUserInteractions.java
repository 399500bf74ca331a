package app.realmoments.interact.dynamo;

import static app.realmoments.aws.Attrs.s;

import app.realmoments.interact.Comment;
import app.realmoments.interact.Reaction;
import app.realmoments.interact.UserInteractions;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One user's interactions through the interactions table's sparse indexes: {@code ByReactor} (userId, pk)
 * holds only reaction items, {@code ByCommenter} (authorId, sk) only comments. A Query per 1 MB page.
 */
public final class DynamoUserInteractions implements UserInteractions {

    static final String BY_REACTOR = "ByReactor";
    static final String BY_COMMENTER = "ByCommenter";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUserInteractions(DynamoDbClient dynamo, String interactionsTable) {
        this.dynamo = dynamo;
        this.table = interactionsTable;
    }

    @Override
    public void forEachReactionBy(String userId, Consumer<Reaction> each) {
        dynamo.queryPaginator(q -> q.tableName(table).indexName(BY_REACTOR).keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", s(userId))))
                .items().forEach(item -> {
                    if (item.containsKey("sk") && item.get("sk").s().startsWith("REACTION#")) {
                        each.accept(DynamoInteractionStore.reactionOf(item));
                    }
                });
    }

    @Override
    public void forEachCommentBy(String userId, Consumer<Comment> each) {
        dynamo.queryPaginator(q -> q.tableName(table).indexName(BY_COMMENTER).keyConditionExpression("authorId = :u")
                        .expressionAttributeValues(Map.of(":u", s(userId))))
                .items().forEach(item -> {
                    if (item.containsKey("sk") && item.get("sk").s().startsWith("COMMENT#")) {
                        each.accept(DynamoInteractionStore.commentOf(item));
                    }
                });
    }
}
