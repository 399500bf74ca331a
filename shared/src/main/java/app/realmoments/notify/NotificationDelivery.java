package app.realmoments.notify;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.id.Ids;
import app.realmoments.log.Log;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Delivers jobs: never across a block, one inbox item per notification id however often a job arrives
 * (alone or among many), and a push to each of the recipient's devices only when that inbox item was new,
 * so a redelivered job never pushes twice (at most once: a push that fails is not retried, the inbox has it).
 *
 * <p>A batch of jobs is {@link #prepare prepared} together: every recipient of every job (a job may carry
 * many) is read in as few reads as the recipient store allows, and every new inbox item is written in as few
 * conditional writes as the inbox allows; then each job {@link Batch#deliver delivers} its pushes, in
 * parallel. If preparing fails, each job prepares itself when it is delivered, so one job's storage error
 * fails that job alone.
 */
public final class NotificationDelivery {

    /** Pushes in flight at once per container (SNS Publish calls; the HTTP client keeps as many connections). */
    public static final int PUSH_CONCURRENCY = 64;

    public enum Outcome {
        /** Written to the inbox; pushed to every device the recipient has. */
        DELIVERED,
        /** The inbox item already existed: a redelivery, nothing written or pushed. */
        DUPLICATE,
        /** Actor and recipient blocked each other: nothing written. */
        SUPPRESSED,
        /** The recipient muted this type: nothing written. */
        MUTED,
        /** Inbox only: the recipient muted the push of the daily prompt (which always reaches the inbox). */
        PUSH_MUTED,
        /** Inbox only: quiet hours in the recipient's campus. */
        QUIET,
        /** Inbox only: another reaction to (or comment on) the same moment was pushed a moment ago. */
        GROUPED,
        /** Inbox only: no push platform is configured. */
        INBOX_ONLY
    }

    /**
     * What one job did: its outcome (for a job of many recipients: DELIVERED when any inbox item was new,
     * else what happened to the first), how many inbox items it wrote, and what happened to pushes.
     */
    public record Result(Outcome outcome, int notified, int pushed, int pushFailures, int devicesRemoved) {

        static Result of(Outcome outcome) {
            return new Result(outcome, 0, 0, 0, 0);
        }

        /** True when this job wrote a new inbox item. */
        public boolean wroteInbox() {
            return notified > 0;
        }
    }

    private final Inbox inbox;
    private final Recipients recipients;
    private final DeviceStore devices;
    private final PushGateway push;
    private final PushGrouping grouping;
    private final CampusTimeZones zones;
    private final Clock clock;
    private final ExecutorService pushes = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore inFlight = new Semaphore(PUSH_CONCURRENCY);

    public NotificationDelivery(Inbox inbox, Recipients recipients, DeviceStore devices, PushGateway push,
                                PushGrouping grouping, CampusTimeZones zones, Clock clock) {
        this.inbox = inbox;
        this.recipients = recipients;
        this.devices = devices;
        this.push = push;
        this.grouping = grouping;
        this.zones = zones;
        this.clock = clock;
    }

    /** @throws IllegalArgumentException for a job that can never be delivered (a poison message) */
    public Result deliver(NotificationJob job) {
        return prepare(List.of(job)).deliver(job);
    }

    /**
     * Reads the recipients of every well-formed job together, and writes the new inbox items of its
     * single-recipient jobs together. Never throws: what it could not prepare, {@link Batch#deliver} prepares alone.
     */
    public Batch prepare(Collection<NotificationJob> jobs) {
        Batch batch = new Batch();
        List<NotificationJob> valid = new ArrayList<>();
        for (NotificationJob job : jobs) {
            try {
                validate(job);
                valid.add(job);
            } catch (IllegalArgumentException poison) {
                // refused when it is delivered
            }
        }
        if (valid.isEmpty()) {
            return batch;
        }
        try {
            Map<NotificationJob, List<Delivery>> read = read(valid);
            List<NotificationJob> singles = read.keySet().stream().filter(job -> !job.carriesMany()).toList();
            List<List<Delivery>> written = batch.write(singles.stream().map(read::get).toList());
            for (int i = 0; i < singles.size(); i++) {
                read.put(singles.get(i), written.get(i));
            }
            batch.prepared.putAll(read);
        } catch (RuntimeException e) {
            Log.error("notification batch could not be prepared together; each job prepares alone", Map.of(
                    "jobs", valid.size()), e);
        }
        return batch;
    }

    /**
     * A prepared batch: recipients read; the inbox items of single-recipient jobs written. A job for many writes
     * its own (one transaction of 100) when it is delivered, just before its pushes, so each member's
     * {@code notifiedAt} is the time of their push, not of the batch's start.
     */
    public final class Batch {

        private final Map<NotificationJob, List<Delivery>> prepared = new IdentityHashMap<>();
        /** Recipient and notification of every inbox item this batch wrote: the same job twice pushes once. */
        private final Set<String> taken = new HashSet<>();
        private final Instant at = clock.instant();

        private Batch() {
        }

        /** When this batch was prepared: when its first inbox items were written and pushes sent. */
        public Instant at() {
            return at;
        }

        /** @throws IllegalArgumentException for a job that can never be delivered (a poison message) */
        public Result deliver(NotificationJob job) {
            validate(job);
            List<Delivery> deliveries = prepared.get(job);
            if (deliveries == null) {
                deliveries = read(List.of(job)).get(job);
                deliveries = write(List.of(deliveries)).getFirst();
            } else if (job.carriesMany()) {
                deliveries = write(List.of(deliveries)).getFirst();
            }
            return pushAll(job, deliveries);
        }

        /** Writes the inbox items the deliveries still owe, together; answers them with their outcomes. */
        private List<List<Delivery>> write(List<List<Delivery>> owed) {
            List<InboxItem> items = new ArrayList<>();
            for (List<Delivery> deliveries : owed) {
                for (Delivery d : deliveries) {
                    if (d.outcome() == null) {
                        NotificationJob single = d.job();
                        items.add(new InboxItem(single.recipientId(), single.notificationId(), single.type(),
                                single.actorId(), single.momentId(), single.reason(), Instant.parse(single.createdAt())));
                    }
                }
            }
            Set<String> added = items.isEmpty() ? Set.of() : inbox.addAll(items, clock.instant());
            List<List<Delivery>> written = new ArrayList<>();
            for (List<Delivery> deliveries : owed) {
                written.add(deliveries.stream().map(d -> d.outcome() != null ? d : new Delivery(d.job(), d.recipient(),
                        added.contains(d.job().notificationId())
                                && taken.add(d.job().recipientId() + "/" + d.job().notificationId())
                                ? Outcome.DELIVERED : Outcome.DUPLICATE)).toList());
            }
            return written;
        }
    }

    /** One recipient's notification: what happened to it before pushing (null: its inbox item is still owed). */
    private record Delivery(NotificationJob job, Recipients.Recipient recipient, Outcome outcome) {
    }

    /** Reads every recipient of the jobs together; blocked and muted recipients are decided, the rest are owed. */
    private Map<NotificationJob, List<Delivery>> read(List<NotificationJob> given) {
        Set<NotificationJob> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<NotificationJob> jobs = given.stream().filter(seen::add).toList(); // each job object once
        Map<NotificationJob, List<NotificationJob>> singles = new IdentityHashMap<>();
        Set<Recipients.Ask> asks = new LinkedHashSet<>();
        for (NotificationJob job : jobs) {
            List<NotificationJob> each = job.each();
            singles.put(job, each);
            for (NotificationJob single : each) {
                asks.add(askFor(single));
            }
        }
        Map<Recipients.Ask, Recipients.Recipient> loaded = recipients.loadAll(asks);
        Map<NotificationJob, List<Delivery>> read = new IdentityHashMap<>();
        for (NotificationJob job : jobs) {
            List<Delivery> deliveries = new ArrayList<>();
            for (NotificationJob single : singles.get(job)) {
                Recipients.Recipient recipient = loaded.get(askFor(single));
                Outcome before = recipient.blocked() ? Outcome.SUPPRESSED
                        : !recipient.settings().keepsInInbox(single.type()) ? Outcome.MUTED : null;
                deliveries.add(new Delivery(single, recipient, before));
            }
            read.put(job, deliveries);
        }
        return read;
    }

    /** A prompt names its campus (reason), so its members' profiles need not be read for the time zone. */
    private static Recipients.Ask askFor(NotificationJob single) {
        return new Recipients.Ask(single.recipientId(), single.actorId(),
                single.type() == NotificationType.PROMPT ? single.reason() : null);
    }

    private Result pushAll(NotificationJob job, List<Delivery> deliveries) {
        List<Publish> publishes = new ArrayList<>();
        Outcome first = null;
        int notified = 0;
        boolean anyNew = false;
        boolean anyDuplicate = false;
        for (Delivery delivery : deliveries) {
            Outcome outcome = delivery.outcome() == Outcome.DELIVERED ? pushPlan(delivery, publishes) : delivery.outcome();
            if (delivery.outcome() == Outcome.DELIVERED) {
                notified++;
                anyNew = true;
            }
            anyDuplicate |= outcome == Outcome.DUPLICATE;
            if (first == null) {
                first = outcome;
            }
        }
        int[] counts = publish(job, publishes);
        Outcome outcome = !job.carriesMany() ? first
                : anyNew ? Outcome.DELIVERED : anyDuplicate ? Outcome.DUPLICATE : first;
        return new Result(outcome, notified, counts[0], counts[1], counts[2]);
    }

    /** One push to one device. */
    private record Publish(NotificationJob job, Device device, PushMessage message) {
    }

    /** Decides whether a new inbox item is pushed, and to which devices; returns the recipient's outcome. */
    private Outcome pushPlan(Delivery delivery, List<Publish> publishes) {
        NotificationJob job = delivery.job();
        Recipients.Recipient recipient = delivery.recipient();
        NotificationSettings settings = recipient.settings();
        if (!settings.pushes(job.type())) {
            return Outcome.PUSH_MUTED;
        }
        if (!push.enabled()) {
            return Outcome.INBOX_ONLY;
        }
        Instant now = clock.instant();
        if (settings.quietHours() != null
                && settings.quietHours().contains(now.atZone(zones.zoneOf(recipient.campusId())).toLocalTime())) {
            return Outcome.QUIET;
        }
        long heldBefore = 0;
        if ((job.type() == NotificationType.REACTION || job.type() == NotificationType.COMMENT) && job.momentId() != null) {
            PushGrouping.Decision decision = grouping.claim(job.recipientId(), job.type(), job.momentId(), now);
            if (!decision.push()) {
                return Outcome.GROUPED;
            }
            heldBefore = decision.heldBefore();
        }
        List<Device> theirs = recipient.devices();
        if (theirs == null) { // the store could not list them with the rest: ask, and let it remember them
            theirs = devices.devicesOf(job.recipientId());
            devices.remember(job.recipientId(), theirs);
        }
        PushMessage message = PushTexts.of(job, recipient.actorName(), heldBefore);
        for (Device device : theirs) {
            if (device.endpointArn() != null) {
                publishes.add(new Publish(job, device, message));
            }
        }
        return Outcome.DELIVERED;
    }

    /** Sends every push, up to {@link #PUSH_CONCURRENCY} at once; returns pushed, failures, devices removed. */
    private int[] publish(NotificationJob job, List<Publish> publishes) {
        int[] counts = new int[3];
        if (publishes.size() == 1) {
            add(counts, publishOne(publishes.getFirst()));
            return counts;
        }
        List<Future<int[]>> sent = new ArrayList<>();
        for (Publish publish : publishes) {
            inFlight.acquireUninterruptibly();
            sent.add(pushes.submit(() -> {
                try {
                    return publishOne(publish);
                } finally {
                    inFlight.release();
                }
            }));
        }
        for (Future<int[]> future : sent) {
            try {
                add(counts, future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pushing " + job.notificationId(), e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("a push task failed", e.getCause());
            }
        }
        return counts;
    }

    private static void add(int[] counts, int[] more) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += more[i];
        }
    }

    private int[] publishOne(Publish publish) {
        Device device = publish.device();
        PushGateway.Delivery delivery;
        try {
            delivery = push.publish(device.endpointArn(), device.platform(), publish.message());
        } catch (RuntimeException e) {
            // the inbox item is written, so a retry would not push: count it and go on to the next device
            Log.error("push failed", fields(publish.job(), device), e);
            return new int[] {0, 1, 0};
        }
        if (delivery == PushGateway.Delivery.SENT) {
            return new int[] {1, 0, 0};
        }
        // SNS disabled or rejected the endpoint: the app is gone from that phone
        if (devices.remove(device)) {
            push.deleteEndpoint(device.endpointArn());
        }
        Log.info("device removed: its push endpoint is disabled", fields(publish.job(), device));
        return new int[] {0, 1, 1};
    }

    private static Map<String, Object> fields(NotificationJob job, Device device) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notificationId", job.notificationId());
        fields.put("userId", job.recipientId());
        fields.put("deviceId", device.deviceId());
        return fields;
    }

    private static void validate(NotificationJob job) {
        boolean one = job != null && job.recipientId() != null && !job.recipientId().isBlank() && job.recipientIds() == null;
        boolean many = job != null && job.recipientId() == null && job.recipientIds() != null
                && !job.recipientIds().isEmpty() && job.recipientIds().size() <= NotificationJob.MAX_RECIPIENTS
                && job.recipientIds().stream().allMatch(r -> r != null && !r.isBlank());
        if (job == null || job.type() == null || !(one || many)
                || !Ids.isWellFormed(job.notificationId()) || job.createdAt() == null) {
            throw new IllegalArgumentException("incomplete notification job");
        }
        try {
            Instant.parse(job.createdAt());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("notification job has a bad createdAt");
        }
    }
}
