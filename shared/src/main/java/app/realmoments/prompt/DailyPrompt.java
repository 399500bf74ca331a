package app.realmoments.prompt;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.error.Problem;
import app.realmoments.feed.FeedLock;
import app.realmoments.moment.LateMoments;
import app.realmoments.moment.MomentStore;
import app.realmoments.notify.Inbox;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Today's prompt as a campus member meets it: {@code GET /prompt}, the {@code late} mark of a moment
 * started after the window closed, and "post to see" (a feed locked until the caller posts after
 * today's prompt). "Today" is the local date in the campus's time zone.
 *
 * <p>The time of an upcoming prompt is never shown: it is the product's surprise. Each member's two
 * minutes start when their own notification was sent (the {@code notifiedAt} of their prompt's inbox
 * item), so a push that arrives late never shortens anyone's window; a member whose notification has not
 * been sent (it is on its way, or they joined after it went off) has the campus's window, from
 * {@code promptAt}, which their notification can only lengthen.
 */
public final class DailyPrompt implements LateMoments, FeedLock {

    private final PromptStore prompts;
    private final Inbox inbox;
    private final ProfileStore profiles;
    private final MomentStore moments;
    private final CampusTimeZones zones;
    private final boolean postToSee;
    private final Clock clock;

    public DailyPrompt(PromptStore prompts, Inbox inbox, ProfileStore profiles, MomentStore moments,
                       CampusTimeZones zones, boolean postToSee, Clock clock) {
        this.prompts = prompts;
        this.inbox = inbox;
        this.profiles = profiles;
        this.moments = moments;
        this.zones = zones;
        this.postToSee = postToSee;
        this.clock = clock;
    }

    /** {@code status}: upcoming, open, closed, or none (no prompt today); the times only once it went off. */
    public record View(String campusId, String date, String promptAt, String windowEndsAt, String status,
                       boolean postedToday) {
    }

    public View today(String callerId) {
        Profile caller = profiles.find(callerId).orElse(null);
        if (caller == null || caller.campusId() == null) {
            throw Problem.notFound("prompt (verify a school email with POST /me/campus/verification to get one)");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zones.zoneOf(caller.campusId()));
        Prompt prompt = prompts.find(caller.campusId(), today).orElse(null);
        if (prompt == null) {
            return new View(caller.campusId(), today.toString(), null, null, "none", false);
        }
        if (now.isBefore(prompt.promptAt())) {
            return new View(prompt.campusId(), prompt.date().toString(), null, null, "upcoming", false);
        }
        Instant windowEndsAt = windowEndsAt(callerId, prompt);
        return new View(prompt.campusId(), prompt.date().toString(), Times.iso(prompt.promptAt()),
                Times.iso(windowEndsAt), now.isBefore(windowEndsAt) ? "open" : "closed",
                moments.postedSince(callerId, prompt.promptAt()));
    }

    /** Minutes after the author's own window closed; their notification is read only when it could matter. */
    @Override
    public Integer lateMinutes(String authorId, String campusId, Instant startedAt) {
        if (campusId == null) {
            return null;
        }
        Prompt prompt = todays(campusId, startedAt).orElse(null);
        if (prompt == null || prompt.lateMinutes(startedAt) == null) {
            return null; // no prompt, or inside the campus's window, which every member's window contains
        }
        return Prompt.lateMinutes(windowEndsAt(authorId, prompt), startedAt);
    }

    /** Two minutes after the member's own notification, or after the prompt when none was sent to them yet. */
    private Instant windowEndsAt(String memberId, Prompt prompt) {
        Instant notified = inbox.notifiedAt(memberId, prompt.notificationIdFor(memberId)).orElse(null);
        Instant start = notified == null || notified.isBefore(prompt.promptAt()) ? prompt.promptAt() : notified;
        return start.plus(Prompt.WINDOW);
    }

    /** Locked when "post to see" is on, today's prompt has gone off, and the caller has not posted since. */
    @Override
    public boolean locked(String viewerId, Supplier<Profile> profile) {
        if (!postToSee) {
            return false;
        }
        Profile viewer = profile.get();
        if (viewer == null || viewer.campusId() == null) {
            return false;
        }
        Instant now = clock.instant();
        Prompt prompt = todays(viewer.campusId(), now).orElse(null);
        return prompt != null && prompt.status(now) != Prompt.Status.UPCOMING
                && !moments.postedSince(viewerId, prompt.promptAt());
    }

    private Optional<Prompt> todays(String campusId, Instant now) {
        return prompts.find(campusId, LocalDate.ofInstant(now, zones.zoneOf(campusId)));
    }
}
