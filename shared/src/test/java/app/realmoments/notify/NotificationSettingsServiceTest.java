package app.realmoments.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.outbox.NotificationType;
import app.realmoments.testing.InMemoryNotificationSettingsStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationSettingsServiceTest {

    private final NotificationSettingsService service = new NotificationSettingsService(new InMemoryNotificationSettingsStore());

    @Test
    void settingsStartEmptyAndAreReplacedByEachPut() {
        NotificationSettingsService.View fresh = service.get("ana");
        assertEquals(List.of(), fresh.muted());
        assertNull(fresh.quietHours());

        service.put("ana", new NotificationSettingsService.Update(List.of("reaction", "prompt", "reaction"),
                new NotificationSettingsService.Quiet("22:00", "07:30")));
        NotificationSettingsService.View saved = service.get("ana");
        assertEquals(List.of(NotificationType.REACTION, NotificationType.PROMPT), saved.muted());
        assertEquals(new NotificationSettingsService.Quiet("22:00", "07:30"), saved.quietHours());

        service.put("ana", new NotificationSettingsService.Update(null, null));
        assertEquals(List.of(), service.get("ana").muted());
        assertNull(service.get("ana").quietHours());
    }

    @Test
    void unknownTypesAndMalformedTimesAreRefused() {
        assertEquals("muted", refused(new NotificationSettingsService.Update(List.of("likes"), null)).field());
        assertEquals("quietHours.start", refused(new NotificationSettingsService.Update(null,
                new NotificationSettingsService.Quiet("24:00", "07:00"))).field());
        assertEquals("quietHours.end", refused(new NotificationSettingsService.Update(null,
                new NotificationSettingsService.Quiet("22:00", "7am"))).field());
        assertEquals("quietHours", refused(new NotificationSettingsService.Update(null,
                new NotificationSettingsService.Quiet("22:00", "22:00"))).field());
    }

    private Problem refused(NotificationSettingsService.Update update) {
        Problem problem = assertThrows(Problem.class, () -> service.put("ana", update));
        assertEquals(400, problem.kind().status);
        return problem;
    }
}
