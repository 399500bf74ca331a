package app.realmoments.prompt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.error.Problem;
import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedService;
import app.realmoments.id.Ids;
import app.realmoments.json.Json;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.moment.NewMoment;
import app.realmoments.notify.InboxItem;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryCampusRegistry;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryInbox;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryPromptStore;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyPromptTest {

    /** 12:30 in New York on 29 November 2026. */
    private static final Instant PROMPT_AT = Instant.parse("2026-11-29T17:30:00Z");
    private static final CampusTimeZones ZONES = InMemoryCampusRegistry.zones("", "America/New_York");

    private final InMemoryPromptStore prompts = new InMemoryPromptStore(100);
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryInbox inbox = new InMemoryInbox();
    private final Ids ids = new Ids();

    private DailyPrompt at(Instant now, boolean postToSee) {
        return new DailyPrompt(prompts, inbox, profiles, moments, ZONES, postToSee, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** What the dispatcher writes when it sends the member today's prompt. */
    private void notified(String member, Instant at) {
        Prompt prompt = prompts.find("north", LocalDate.of(2026, 11, 29)).orElseThrow();
        NotificationJob job = NotificationJob.of(NotificationType.PROMPT, member, null, null, "north", prompt.promptAt());
        inbox.addAll(List.of(new InboxItem(member, job.notificationId(), job.type(), null, null, "north",
                prompt.promptAt())), at);
    }

    @BeforeEach
    void northHasAPrompt() {
        prompts.plan(new Prompt("north", LocalDate.of(2026, 11, 29), PROMPT_AT));
        profiles.save(new Profile("ana", "ana", "Ana", "north", PROMPT_AT, PROMPT_AT, null), null);
        profiles.save(new Profile("nomad", "nomad", "Nomad", null, PROMPT_AT, PROMPT_AT, null), null);
    }

    private void post(String author, Instant at, MomentStatus status) {
        moments.create(new Moment(ids.next(at), author, null, Audience.FRIENDS, "north", status, null, at, at, null,
                Map.of()), at);
    }

    @Test
    void getPromptSaysUpcomingOpenClosedAndWhetherYouPosted() {
        notified("ana", PROMPT_AT);
        DailyPrompt.View before = at(PROMPT_AT.minusSeconds(600), false).today("ana");
        assertEquals("upcoming", before.status());
        assertEquals("2026-11-29", before.date());
        assertFalse(before.postedToday());
        DailyPrompt.View open = at(PROMPT_AT.plusSeconds(30), false).today("ana");
        assertEquals("open", open.status());
        assertEquals("2026-11-29T17:30:00Z", open.promptAt());
        assertEquals("2026-11-29T17:32:00Z", open.windowEndsAt());

        post("ana", PROMPT_AT.minusSeconds(3600), MomentStatus.PUBLISHED); // before the prompt: does not count
        assertFalse(at(PROMPT_AT.plusSeconds(600), false).today("ana").postedToday());
        post("ana", PROMPT_AT.plusSeconds(300), MomentStatus.REJECTED); // rejected: does not count
        assertFalse(at(PROMPT_AT.plusSeconds(600), false).today("ana").postedToday());
        post("ana", PROMPT_AT.plusSeconds(400), MomentStatus.PUBLISHED);
        DailyPrompt.View after = at(PROMPT_AT.plusSeconds(600), false).today("ana");
        assertEquals("closed", after.status());
        assertTrue(after.postedToday());
    }

    @Test
    void anUpcomingPromptNeverRevealsItsTime() {
        for (Instant now : List.of(PROMPT_AT.minusSeconds(6 * 3600), PROMPT_AT.minusSeconds(1))) {
            DailyPrompt.View view = at(now, false).today("ana");
            assertEquals("upcoming", view.status());
            assertNull(view.promptAt(), "the surprise stays a surprise");
            assertNull(view.windowEndsAt());
            assertFalse(Json.write(view).contains("17:3"), Json.write(view));
        }
    }

    @Test
    void aDayWithoutAPromptIsStatusNoneNotA404() {
        Instant tomorrow = PROMPT_AT.plusSeconds(86_400); // nothing planned for the 30th
        DailyPrompt.View none = at(tomorrow, false).today("ana");
        assertEquals("none", none.status());
        assertEquals("north", none.campusId());
        assertEquals("2026-11-30", none.date());
        assertNull(none.promptAt());
        assertNull(none.windowEndsAt());
        assertFalse(none.postedToday());
    }

    @Test
    void withoutACampusThereIsNoPromptToGet() {
        assertEquals(404, assertThrows(Problem.class, () -> at(PROMPT_AT, false).today("nomad")).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> at(PROMPT_AT, false).today("stranger")).kind().status);
    }

    @Test
    void eachMembersTwoMinutesStartAtTheirOwnNotification() {
        profiles.save(new Profile("ben", "ben", "Ben", "north", PROMPT_AT, PROMPT_AT, null), null);
        notified("ana", PROMPT_AT.plusSeconds(1));
        notified("ben", PROMPT_AT.plusSeconds(50)); // his push went out 50 s after the prompt
        Instant now = PROMPT_AT.plusSeconds(130);
        DailyPrompt.View ana = at(now, false).today("ana");
        DailyPrompt.View ben = at(now, false).today("ben");
        assertEquals("closed", ana.status());
        assertEquals("2026-11-29T17:32:01Z", ana.windowEndsAt());
        assertEquals("open", ben.status(), "a late push does not shorten his window");
        assertEquals("2026-11-29T17:32:50Z", ben.windowEndsAt());
        assertEquals("2026-11-29T17:30:00Z", ben.promptAt());
    }

    @Test
    void aMemberNotNotifiedYetHasTheCampussWindowUntilTheirPushIsSent() {
        DailyPrompt.View waiting = at(PROMPT_AT.plusSeconds(5), false).today("ana");
        assertEquals("open", waiting.status());
        assertEquals("2026-11-29T17:32:00Z", waiting.windowEndsAt());
        notified("ana", PROMPT_AT.plusSeconds(20));
        assertEquals("2026-11-29T17:32:20Z", at(PROMPT_AT.plusSeconds(25), false).today("ana").windowEndsAt(),
                "the notification only moves the end later");
    }

    @Test
    void aMomentStartedAfterTheWindowIsLateByWholeMinutesRoundedUp() {
        notified("ana", PROMPT_AT);
        Instant late = PROMPT_AT.plusSeconds(120 + 61);
        MomentService service = new MomentService(moments, new InMemoryMediaStore(), profiles,
                new MomentVisibility(new FakeSocialGraph(), profiles), Services.views(new InMemoryMediaStore()), at(late, false),
                ids, Clock.fixed(late, ZoneOffset.UTC), Services.noQuotas());
        String id = service.start("ana", new NewMoment("hi", "friends",
                List.of(new NewMoment.ImageDeclaration("back", "image/jpeg", 1000L)))).momentId();
        assertEquals(2, moments.get(id).lateMinutes());

        Instant onTime = PROMPT_AT.plusSeconds(90);
        assertNull(at(onTime, false).lateMinutes("ana", "north", onTime));
        assertNull(at(onTime, false).lateMinutes("ana", null, onTime), "no campus, no prompt");
    }

    @Test
    void theLateMarkFollowsTheAuthorsOwnWindow() {
        profiles.save(new Profile("ben", "ben", "Ben", "north", PROMPT_AT, PROMPT_AT, null), null);
        notified("ana", PROMPT_AT);
        notified("ben", PROMPT_AT.plusSeconds(90));
        Instant startedAt = PROMPT_AT.plusSeconds(150);
        assertEquals(1, at(startedAt, false).lateMinutes("ana", "north", startedAt));
        assertNull(at(startedAt, false).lateMinutes("ben", "north", startedAt), "his window ends at 17:33:30");
        Instant later = PROMPT_AT.plusSeconds(90 + 120 + 61);
        assertEquals(2, at(later, false).lateMinutes("ben", "north", later));
    }

    @Test
    void postToSeeLocksTheFeedUntilYouPostAfterThePrompt() {
        InMemoryFeedStore feeds = new InMemoryFeedStore();
        String friendsMoment = ids.next(PROMPT_AT.minusSeconds(7200));
        moments.create(new Moment(friendsMoment, "ben", null, Audience.FRIENDS, "north", MomentStatus.PUBLISHED, null,
                PROMPT_AT.minusSeconds(7200), PROMPT_AT.minusSeconds(7200), null,
                Map.of(ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 1000, true, 2048, 1536))),
                PROMPT_AT);
        feeds.putAll(List.of(new FeedEntry("ana", friendsMoment, "ben", PROMPT_AT.minusSeconds(7200))));
        FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben");
        FeedService feed = Services.feed(feeds, moments, profiles, new MomentVisibility(graph, profiles),
                Services.views(new InMemoryMediaStore()), new Cursors("test-cursor-signing-key-0123456789abcdef"));

        assertFalse(feed.feed("ana", 20, null, at(PROMPT_AT.minusSeconds(60), true)).locked(), "before the prompt");
        var locked = feed.feed("ana", 20, null, at(PROMPT_AT.plusSeconds(60), true));
        assertTrue(locked.locked());
        assertEquals(friendsMoment, locked.items().getFirst().momentId());
        assertTrue(locked.items().getFirst().images().isEmpty(), "no image URLs while locked");
        assertFalse(feed.feed("ana", 20, null, at(PROMPT_AT.plusSeconds(60), false)).locked(), "post to see off");

        post("ana", PROMPT_AT.plusSeconds(100), MomentStatus.PENDING);
        assertTrue(feed.feed("ana", 20, null, at(PROMPT_AT.plusSeconds(200), true)).locked(),
                "a moment started and never uploaded unlocks nothing");
        post("ana", PROMPT_AT.plusSeconds(150), MomentStatus.PUBLISHED);
        var open = feed.feed("ana", 20, null, at(PROMPT_AT.plusSeconds(200), true));
        assertFalse(open.locked());
        assertEquals(1, open.items().getFirst().images().size());
    }
}
