package app.realmoments.prompt;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.error.Problem;
import app.realmoments.feed.FeedLock;
import app.realmoments.moment.LateMoments;
import app.realmoments.moment.MomentStore;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.time.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Today's prompt as a campus member meets it: {@code GET /prompt}, the {@code late} mark of a moment
 * started after the window closed, and "post to see" (a feed locked until the caller posts after
 * today's prompt). "Today" is the local date in the campus's time zone.
 */
public final class DailyPrompt implements LateMoments, FeedLock {

    private final PromptStore prompts;
    private final ProfileStore profiles;
    private final MomentStore moments;
    private final CampusTimeZones zones;
    private final boolean postToSee;
    private final Clock clock;

    public DailyPrompt(PromptStore prompts, ProfileStore profiles, MomentStore moments, CampusTimeZones zones,
                       boolean postToSee, Clock clock) {
        this.prompts = prompts;
        this.profiles = profiles;
        this.moments = moments;
        this.zones = zones;
        this.postToSee = postToSee;
        this.clock = clock;
    }

    public record View(String campusId, String date, String promptAt, String windowEndsAt, String status,
                       boolean postedToday) {
    }

    public View today(String callerId) {
        Profile caller = profiles.find(callerId).orElse(null);
        if (caller == null || caller.campusId() == null) {
            throw Problem.notFound("prompt (join a campus with PUT /me to get one)");
        }
        Instant now = clock.instant();
        Prompt prompt = todays(caller.campusId(), now)
                .orElseThrow(() -> Problem.notFound("prompt (today's is not scheduled yet)"));
        boolean posted = prompt.status(now) != Prompt.Status.UPCOMING
                && moments.postedSince(callerId, prompt.promptAt());
        return new View(prompt.campusId(), prompt.date().toString(), Times.iso(prompt.promptAt()),
                Times.iso(prompt.windowEndsAt()), prompt.status(now).name().toLowerCase(Locale.ROOT), posted);
    }

    @Override
    public Integer lateMinutes(String campusId, Instant startedAt) {
        return campusId == null ? null : todays(campusId, startedAt).map(p -> p.lateMinutes(startedAt)).orElse(null);
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
