package app.realmoments.prompt.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.id.Ids;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.prompt.Prompt;
import app.realmoments.testing.LocalAws;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoPromptStoreIT {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final Map<ImageRole, MomentImage> BACK =
            Map.of(ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 1000, false, null, null));

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final DynamoPromptStore store = new DynamoPromptStore(aws.dynamo(), users);
    private final String run = new Ids().next(NOW).toLowerCase();

    @Test
    void aPromptIsPlannedOnceDueWhenItsTimeComesAndFiredOnce() {
        String campus = "c-" + run;
        Prompt prompt = new Prompt(campus, LocalDate.of(2026, 11, 29), NOW.plusSeconds(60));
        assertTrue(store.plan(prompt));
        assertFalse(store.plan(new Prompt(campus, prompt.date(), NOW.plusSeconds(999))), "planned once");
        assertEquals(prompt, store.find(campus, prompt.date()).orElseThrow());

        assertFalse(store.due(NOW).contains(prompt));
        assertTrue(store.due(NOW.plusSeconds(60)).contains(prompt));
        assertTrue(store.due(NOW.plusSeconds(86_400)).contains(prompt), "still due the next UTC day");
        assertTrue(store.claim(prompt, NOW.plusSeconds(60), NOW.plusSeconds(360)));
        assertFalse(store.claim(prompt, NOW.plusSeconds(61), NOW.plusSeconds(361)), "held by the first run");
        store.fired(prompt, NOW.plusSeconds(70));
        assertFalse(store.due(NOW.plusSeconds(600)).contains(prompt));
        assertFalse(store.claim(prompt, NOW.plusSeconds(900), NOW.plusSeconds(1200)), "fired: never again");
    }

    @Test
    void postedSinceCountsOnlyMomentsStartedSinceThatWerePublished() {
        DynamoMomentStore moments = new DynamoMomentStore(aws.dynamo(), aws.table("MomentsTable"), aws.table("UsersTable"));
        String author = "p-" + run;
        Ids ids = new Ids();
        moments.create(new Moment(ids.next(NOW.minusSeconds(60)), author, null, Audience.FRIENDS, null,
                MomentStatus.PENDING, null, NOW.minusSeconds(60), null, null, BACK), NOW.plusSeconds(3600));
        assertFalse(moments.postedSince(author, NOW));
        String later = ids.next(NOW.plusSeconds(60));
        moments.create(new Moment(later, author, null, Audience.FRIENDS, null, MomentStatus.PENDING, null,
                NOW.plusSeconds(60), null, null, BACK), NOW.plusSeconds(3600));
        assertFalse(moments.postedSince(author, NOW), "started but never uploaded: not a post");
        String rejected = ids.next(NOW.plusSeconds(90));
        moments.create(new Moment(rejected, author, null, Audience.FRIENDS, null, MomentStatus.PENDING, null,
                NOW.plusSeconds(90), null, null, BACK), NOW.plusSeconds(3600));
        moments.reject(rejected, "bad photo");
        assertFalse(moments.postedSince(author, NOW));
        moments.markImageReady(later, ImageRole.BACK, 10, 10);
        moments.publishIfComplete(later, NOW.plusSeconds(70));
        assertTrue(moments.postedSince(author, NOW));
    }
}
