package app.realmoments.prompt;

import app.realmoments.campus.Campus;
import app.realmoments.campus.CampusRegistry;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * The daily prompt's two schedules. {@link #plan} (daily) gives every campus of the registry (page by page) a random prompt time within
 * waking hours of its local today (what is left of it) and tomorrow, once: a conditional write, so a
 * second run changes nothing. {@link #fire} (every minute) queues the prompt of each campus whose time
 * comes within the next {@link #LOOKAHEAD}, once per campus and day: a run claims the prompt for a lease,
 * splits the campus's members into jobs of up to {@link NotificationJob#MAX_RECIPIENTS} recipients, sends
 * them delayed until the prompt's time (so they reach the dispatchers at that second, whatever the minute
 * the schedule ran in), then marks it fired. Each job is its own dispatcher work: the campus is notified in
 * parallel. A run that died mid-way is taken over when its lease ends; every member's notification id comes
 * from member and prompt time and the inbox writes it on a condition, so what was sent twice lands once.
 */
public final class PromptPlanner {

    /** How long a run may hold a prompt before another run takes over. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /**
     * How far ahead a run queues prompts. The schedule runs every minute, so each prompt is queued one to two
     * minutes before its time: its members are read and its jobs sent before it goes off.
     */
    public static final Duration LOOKAHEAD = Duration.ofMinutes(2);
    /** Registry campuses read at a time by the daily plan. */
    static final int REGISTRY_PAGE = 100;
    /** Campuses queued at once by one run. */
    static final int CAMPUSES_AT_ONCE = 16;

    private final PromptStore prompts;
    private final NotificationQueue queue;
    private final CampusRegistry registry;
    private final PromptWindow window;
    private final RandomGenerator random;
    private final Clock clock;

    public PromptPlanner(PromptStore prompts, NotificationQueue queue, CampusRegistry registry, PromptWindow window,
                            RandomGenerator random, Clock clock) {
        this.prompts = prompts;
        this.queue = queue;
        this.registry = registry;
        this.window = window;
        this.random = random;
        this.clock = clock;
    }

    /** Plans today's (if any of its window is left) and tomorrow's prompt of each campus; returns how many were new. */
    public int plan() {
        Instant now = clock.instant();
        int planned = 0;
        String after = null;
        do {
            CampusRegistry.Slice slice = registry.page(REGISTRY_PAGE, after);
            for (Campus campus : slice.campuses()) {
                planned += plan(campus, now);
            }
            after = slice.after();
        } while (after != null);
        return planned;
    }

    /** Today's and tomorrow's prompt of one campus, in its time zone; how many were new. */
    private int plan(Campus campus, Instant now) {
        ZoneId zone = campus.timeZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        int planned = 0;
        for (LocalDate date : List.of(today, today.plusDays(1))) {
            if (prompts.find(campus.campusId(), date).isPresent()) {
                continue;
            }
            Instant at = window.pick(date, zone, now.plusSeconds(60), random);
            if (at != null && prompts.plan(new Prompt(campus.campusId(), date, at))) {
                planned++;
            }
        }
        return planned;
    }

    /** Queues every prompt due within {@link #LOOKAHEAD}, several campuses at once; returns the members queued. */
    public int fire() {
        Instant now = clock.instant();
        List<Prompt> due = prompts.due(now.plus(LOOKAHEAD));
        if (due.size() == 1) {
            return release(due.getFirst(), now);
        }
        AtomicInteger queued = new AtomicInteger();
        Semaphore slots = new Semaphore(CAMPUSES_AT_ONCE);
        List<Future<?>> runs = new ArrayList<>();
        try (ExecutorService campuses = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Prompt prompt : due) {
                slots.acquireUninterruptibly();
                runs.add(campuses.submit(() -> {
                    try {
                        queued.addAndGet(release(prompt, now));
                    } finally {
                        slots.release();
                    }
                }));
            }
            RuntimeException failed = null;
            for (Future<?> run : runs) {
                try {
                    run.get();
                } catch (ExecutionException e) {
                    // the other campuses still go out; this one's lease lets the next run take it over
                    failed = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while queueing prompts", e);
                }
            }
            if (failed != null) {
                throw failed;
            }
        }
        return queued.get();
    }

    /** Claims one prompt and queues its members' jobs, delayed until its time; 0 when another run has it. */
    private int release(Prompt prompt, Instant now) {
        if (!prompts.claim(prompt, now, now.plus(LEASE))) {
            return 0;
        }
        int[] count = {0};
        prompts.forEachMemberPage(prompt.campusId(), members -> {
            List<NotificationJob> jobs = new ArrayList<>();
            for (int from = 0; from < members.size(); from += NotificationJob.MAX_RECIPIENTS) {
                jobs.add(NotificationJob.forMany(NotificationType.PROMPT,
                        members.subList(from, Math.min(members.size(), from + NotificationJob.MAX_RECIPIENTS)),
                        null, null, prompt.campusId(), prompt.promptAt()));
            }
            if (!jobs.isEmpty()) {
                // measured from the clock now, not the run's start: the jobs become visible at the prompt's time
                Duration delay = Duration.between(clock.instant(), prompt.promptAt());
                queue.send(jobs, delay.isNegative() ? Duration.ZERO : delay);
                count[0] += members.size();
            }
        });
        prompts.fired(prompt, clock.instant());
        return count[0];
    }
}
