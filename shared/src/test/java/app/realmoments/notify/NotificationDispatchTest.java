package app.realmoments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryInbox;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NotificationDispatchTest {

    private static final Instant AT = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryInbox inbox = new InMemoryInbox();
    private final FakeSocialGraph graph = new FakeSocialGraph().block("ben", "eve");
    private final NotificationDispatch dispatch = new NotificationDispatch(inbox, graph);

    @Test
    void aJobDeliveredTwiceIsOneInboxItem() {
        NotificationJob job = NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "01JD8X3Q6Z7V9K2M4N5P6R7S8T", null, AT);
        assertEquals(NotificationDispatch.Outcome.DELIVERED, dispatch.dispatch(job));
        assertEquals(NotificationDispatch.Outcome.DUPLICATE, dispatch.dispatch(job));
        assertEquals(1, inbox.of("ben").size());
        assertEquals(NotificationType.NEW_MOMENT, inbox.of("ben").getFirst().type());
    }

    @Test
    void nothingCrossesABlockInEitherDirection() {
        assertEquals(NotificationDispatch.Outcome.SUPPRESSED, dispatch.dispatch(
                NotificationJob.of(NotificationType.REACTION, "ben", "eve", "01JD8X3Q6Z7V9K2M4N5P6R7S8T", null, AT)));
        assertEquals(NotificationDispatch.Outcome.SUPPRESSED, dispatch.dispatch(
                NotificationJob.of(NotificationType.REACTION, "eve", "ben", "01JD8X3Q6Z7V9K2M4N5P6R7S8T", null, AT)));
        assertEquals(0, inbox.items.size());
    }

    @Test
    void aJobThatCanNeverBeDeliveredIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> dispatch.dispatch(
                new NotificationJob("x", NotificationType.NEW_MOMENT, "ben", null, null, null, AT.toString())));
        assertThrows(IllegalArgumentException.class, () -> dispatch.dispatch(
                new NotificationJob("01JD8X3Q6Z7V9K2M4N5P6R7S8T", null, "ben", null, null, null, AT.toString())));
        assertThrows(IllegalArgumentException.class, () -> dispatch.dispatch(
                new NotificationJob("01JD8X3Q6Z7V9K2M4N5P6R7S8T", NotificationType.PROMPT, "ben", null, null, null, "yesterday")));
    }

    @Test
    void derivedIdsFollowTheCauseAndSortByItsTime() {
        NotificationJob a = NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "m1", null, AT);
        NotificationJob b = NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "m2", null, AT.plusSeconds(1));
        assertEquals(a.notificationId(), NotificationJob.of(NotificationType.NEW_MOMENT, "ben", "ana", "m1", null, AT).notificationId());
        assertEquals(-1, Integer.signum(a.notificationId().compareTo(b.notificationId())));
    }
}
