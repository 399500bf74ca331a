package app.realmoments.interact.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.interact.Comment;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** A moment so busy that every try of a comment's transaction meets another: the caller hears 409, never 500. */
class InteractionConflictTest {

    @Test
    void conflictsThatOutlastTheRetriesAreA409() {
        AtomicInteger tries = new AtomicInteger();
        DynamoDbClient contended = new DynamoDbClient() {
            @Override
            public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
                tries.incrementAndGet();
                throw TransactionCanceledException.builder().message("Transaction cancelled")
                        .cancellationReasons(CancellationReason.builder().code("None").build(),
                                CancellationReason.builder().code("TransactionConflict").build())
                        .build();
            }

            @Override
            public String serviceName() {
                return "dynamodb";
            }

            @Override
            public void close() {
            }
        };
        DynamoInteractionStore store = new DynamoInteractionStore(contended, "interactions", "moments");

        Problem conflict = assertThrows(Problem.class, () -> store.addComment(
                new Comment("01M8KM0ZC7S7G3F4QWX0J3N2DA", "01M8KK11T8Q32D8A1HM0318YS5", "ben", "hi", Instant.now())));

        assertEquals(409, conflict.kind().status);
        assertEquals(7, tries.get(), "the first try and six more, each after a jittered pause");
    }
}
