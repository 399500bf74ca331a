package app.realmoments.prompt;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.NotificationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The daily prompt's two schedules. {@link #plan} (daily) gives every campus a random prompt time within
 * waking hours of its local today (what is left of it) and tomorrow, once: a conditional write, so a
 * second run changes nothing. {@link #fire} (every minute) sends a {@code prompt} job to every member
 * of each campus whose prompt is due, exactly once per campus and day: a run claims the prompt for a
 * lease, sends, then marks it fired; a run that died mid-way is taken over when its lease ends, and
 * the jobs' ids (from recipient and prompt time) make the resent ones land once.
 */
public final class PromptPlanner {

    /** How long a run may hold a prompt before another run takes over. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final PromptStore prompts;
    private final NotificationQueue queue;
    private final CampusTimeZones zones;
    private final PromptWindow window;
    private final RandomGenerator random;
    private final Clock clock;

    public PromptPlanner(PromptStore prompts, NotificationQueue queue, CampusTimeZones zones, PromptWindow window,
                            RandomGenerator random, Clock clock) {
        this.prompts = prompts;
        this.queue = queue;
        this.zones = zones;
        this.window = window;
        this.random = random;
        this.clock = clock;
    }

    /** Plans today's (if any of its window is left) and tomorrow's prompt of each campus; returns how many were new. */
    public int plan() {
        Instant now = clock.instant();
        int planned = 0;
        for (String campusId : prompts.campuses()) {
            ZoneId zone = zones.zoneOf(campusId);
            LocalDate today = LocalDate.ofInstant(now, zone);
            for (LocalDate date : List.of(today, today.plusDays(1))) {
                if (prompts.find(campusId, date).isPresent()) {
                    continue;
                }
                Instant at = window.pick(date, zone, now.plusSeconds(60), random);
                if (at != null && prompts.plan(new Prompt(campusId, date, at))) {
                    planned++;
                }
            }
        }
        return planned;
    }

    /** Fires every due prompt; returns the number of jobs queued. */
    public int fire() {
        Instant now = clock.instant();
        int sent = 0;
        for (Prompt prompt : prompts.due(now)) {
            if (!prompts.claim(prompt, now, now.plus(LEASE))) {
                continue;
            }
            List<Integer> count = new ArrayList<>(List.of(0));
            prompts.forEachMemberPage(prompt.campusId(), members -> {
                List<NotificationJob> jobs = members.stream().map(member -> NotificationJob.of(NotificationType.PROMPT,
                        member, null, null, prompt.campusId(), prompt.promptAt())).toList();
                if (!jobs.isEmpty()) {
                    queue.send(jobs);
                    count.set(0, count.get(0) + jobs.size());
                }
            });
            prompts.fired(prompt, clock.instant());
            sent += count.get(0);
        }
        return sent;
    }
}
