package app.realmoments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.testing.Events;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqsMessageTest {

    private static List<SqsMessage> read(String json) throws IOException {
        return SqsMessage.readAll(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theCommittedEventReadsAsLambdaReadsIt() throws IOException {
        SQSEvent lambda = Events.load("notification-job-sqs.json", SQSEvent.class);
        List<SqsMessage> messages = read(Events.read("notification-job-sqs.json"));
        assertEquals(lambda.getRecords().stream().map(m -> new SqsMessage(m.getMessageId(), m.getBody())).toList(), messages);
        assertEquals(2, messages.size());
        assertTrue(messages.getFirst().body().startsWith("{\"notificationId\":\"01M8KK1587VJG6DYXX36J27960\""));
    }

    @Test
    void aBodyIsTakenAsItIsEvenWhenItIsNotJsonOrNull() throws IOException {
        assertEquals(List.of(new SqsMessage("m1", "{\"type\":\"no_such_type\""), new SqsMessage("m2", null),
                        new SqsMessage("m3", "line\nbreak \u00e9 \ud83d\udd25")),
                read(TestEvents.batch(List.of(TestEvents.sqsRecord("m1", "{\"type\":\"no_such_type\""),
                        TestEvents.sqsRecord("m2", null), TestEvents.sqsRecord("m3", "line\nbreak \u00e9 \ud83d\udd25")))));
    }

    @Test
    void aMessageWithoutItsIdFailsTheWholeEvent() {
        String json = """
                {"Records": [{"messageId": "m1", "body": "{}"}, {"body": "{}", "attributes": {}}]}
                """;
        MalformedEventException e = assertThrows(MalformedEventException.class, () -> read(json));
        assertEquals("Records[1].messageId is missing", e.getMessage());
        assertEquals("Records[0].body: expected a string, found an object",
                assertThrows(MalformedEventException.class, () -> read("{\"Records\": [{\"messageId\": \"m\", \"body\": {}}]}"))
                        .getMessage());
        assertTrue(assertThrows(MalformedEventException.class, () -> read("{\"Messages\": []}")).getMessage()
                .contains("not an SQS event: no Records"));
    }
}
