package app.realmoments.notify;

import app.realmoments.campus.CampusTimeZones;
import app.realmoments.id.Ids;
import app.realmoments.log.Log;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers one job: never across a block, one inbox item per notification id however often the job
 * arrives, and a push to each of the recipient's devices only when that inbox item was new, so a
 * redelivered job never pushes twice (at most once: a push that fails is not retried, the inbox has it).
 */
public final class NotificationDelivery {

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
        /** Inbox only: another reaction to the same moment was pushed a moment ago. */
        GROUPED,
        /** Inbox only: no push platform is configured. */
        INBOX_ONLY
    }

    /** What one job did: its outcome and what happened to pushes. */
    public record Result(Outcome outcome, int pushed, int pushFailures, int devicesRemoved) {

        static Result of(Outcome outcome) {
            return new Result(outcome, 0, 0, 0);
        }

        /** True when this job wrote a new inbox item. */
        public boolean wroteInbox() {
            return outcome != Outcome.DUPLICATE && outcome != Outcome.SUPPRESSED && outcome != Outcome.MUTED;
        }
    }

    private final Inbox inbox;
    private final Recipients recipients;
    private final DeviceStore devices;
    private final PushGateway push;
    private final PushGrouping grouping;
    private final CampusTimeZones zones;
    private final Clock clock;

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
        validate(job);
        Recipients.Recipient recipient = recipients.load(job.recipientId(), job.actorId());
        if (recipient.blocked()) {
            return Result.of(Outcome.SUPPRESSED);
        }
        NotificationSettings settings = recipient.settings();
        if (!settings.keepsInInbox(job.type())) {
            return Result.of(Outcome.MUTED);
        }
        boolean added = inbox.add(new InboxItem(job.recipientId(), job.notificationId(), job.type(), job.actorId(),
                job.momentId(), job.reason(), Instant.parse(job.createdAt())));
        if (!added) {
            return Result.of(Outcome.DUPLICATE);
        }
        if (!settings.pushes(job.type())) {
            return Result.of(Outcome.PUSH_MUTED);
        }
        if (!push.enabled()) {
            return Result.of(Outcome.INBOX_ONLY);
        }
        Instant now = clock.instant();
        if (settings.quietHours() != null
                && settings.quietHours().contains(now.atZone(zones.zoneOf(recipient.campusId())).toLocalTime())) {
            return Result.of(Outcome.QUIET);
        }
        long heldBefore = 0;
        if (job.type() == NotificationType.REACTION && job.momentId() != null) {
            PushGrouping.Decision decision = grouping.claim(job.recipientId(), job.momentId(), now);
            if (!decision.push()) {
                return Result.of(Outcome.GROUPED);
            }
            heldBefore = decision.heldBefore();
        }
        return pushToDevices(job, PushTexts.of(job, recipient.actorName(), heldBefore));
    }

    private Result pushToDevices(NotificationJob job, PushMessage message) {
        int pushed = 0;
        int failures = 0;
        int removed = 0;
        for (Device device : devices.devicesOf(job.recipientId())) {
            if (device.endpointArn() == null) {
                continue;
            }
            PushGateway.Delivery delivery;
            try {
                delivery = push.publish(device.endpointArn(), device.platform(), message);
            } catch (RuntimeException e) {
                // the inbox item is written, so a retry would not push: count it and go on to the next device
                failures++;
                Log.error("push failed", fields(job, device), e);
                continue;
            }
            if (delivery == PushGateway.Delivery.SENT) {
                pushed++;
                continue;
            }
            failures++;
            // SNS disabled or rejected the endpoint: the app is gone from that phone
            if (devices.remove(device)) {
                push.deleteEndpoint(device.endpointArn());
            }
            removed++;
            Log.info("device removed: its push endpoint is disabled", fields(job, device));
        }
        return new Result(Outcome.DELIVERED, pushed, failures, removed);
    }

    private static Map<String, Object> fields(NotificationJob job, Device device) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("notificationId", job.notificationId());
        fields.put("userId", job.recipientId());
        fields.put("deviceId", device.deviceId());
        return fields;
    }

    private static void validate(NotificationJob job) {
        if (job == null || job.type() == null || job.recipientId() == null || job.recipientId().isBlank()
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
