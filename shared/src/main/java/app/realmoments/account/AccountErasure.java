package app.realmoments.account;

import app.realmoments.feed.FeedStore;
import app.realmoments.interact.InteractionCleanup;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.MediaKeys;
import app.realmoments.moment.MomentStore;
import app.realmoments.notify.Device;
import app.realmoments.notify.DeviceStore;
import app.realmoments.notify.PushGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The erasure walk: everything {@link UserData} lists as erased, in the order of {@link Step}. Nothing is
 * remembered between runs: each step finds what is there now, and deletes the item that leads to the
 * others last (an edge's other side before the user's own item, a moment's images, feed entries and
 * interactions before the moment, the claims before the profile, the profile before the pool user), so a
 * run that dies anywhere, or is throttled part-way and redelivered, is finished by the next one, and a run
 * on an erased user finds nothing and deletes nothing.
 *
 * <p>A first run ends by queueing a sweep of the same user a little later (a request that passed the
 * closed-account check just before the deletion, or a fan-out or upload still in flight, may write after
 * the walk passed); the sweep walks again, deletes the objects of the moments that were still pending,
 * and marks the account erased.
 */
public final class AccountErasure {

    /** The walk's steps, in order; {@link UserData} names the step that erases each kind of item. */
    public enum Step {
        /** The account is closed (every route refuses its tokens) before anything is deleted. */
        CLOSE,
        /** Devices: the SNS endpoint, the token claim (while the user's), the device item. */
        DEVICES,
        /** Friendships, requests, blocks and cooldowns: the other user's side first. */
        SOCIAL_GRAPH,
        /** Cooldowns others hold against the user (requesters found in the user's inbox). */
        COOLDOWNS_OF_OTHERS,
        /** Each moment: its objects, every feed entry pointing at it, what others wrote on it, then the moment. */
        MOMENTS,
        /** Uploads left under uploads/{userId}/. */
        UPLOADS,
        /** The user's reactions and comments on anyone's moments, the counts corrected, and their markers. */
        INTERACTIONS,
        /** Inbox items the user caused in others' inboxes (ByActor). */
        CAUSED_NOTIFICATIONS,
        /** The user's inbox, read marker and push windows. */
        INBOX,
        /** The user's own feed partition. */
        FEED,
        /** Exports' objects under {userId}/ in the exports bucket. */
        EXPORT_OBJECTS,
        /** What other concepts register ({@link Part}): e.g. the moderation reports a user filed or is named in. */
        PARTS,
        /** The handle claim, the school address claim and the campus member item (from the profile). */
        CLAIMS,
        /** Every other item of USER#{userId} in the users table, the profile last. */
        USER_PARTITION,
        /** Last: the user pool user. */
        USER_POOL
    }

    /**
     * A concept's own erasure, run at {@link Step#PARTS}: it must be idempotent and re-derive what is left
     * (the same rules as the walk's), and its kinds are in {@link UserData} with that step.
     */
    @FunctionalInterface
    public interface Part {
        /** Erases (or strips of the user) what of this user the part holds; returns how many items it changed. */
        int erase(String userId);
    }

    /** How many items each step deleted (zero everywhere on an erased user). */
    public record Result(Map<Step, Integer> deleted) {

        public int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** How often a reaction or comment whose item changed meanwhile is read and removed again. */
    private static final int ATTEMPTS = 5;

    private final ErasureStore store;
    private final DeviceStore devices;
    private final PushGateway push;
    private final MomentStore moments;
    private final FeedStore feeds;
    private final InteractionStore interactions;
    private final InteractionCleanup interactionCleanup;
    private final ErasableObjects media;
    private final ErasableObjects exports;
    private final UserDirectory directory;
    private final ClosedAccounts closed;
    private final ErasureQueue queue;
    private final List<Part> parts;
    private final Duration tokenLifetime;
    private final Duration sweepDelay;
    private final Clock clock;

    public AccountErasure(ErasureStore store, DeviceStore devices, PushGateway push, MomentStore moments,
                          FeedStore feeds, InteractionStore interactions, InteractionCleanup interactionCleanup,
                          ErasableObjects media, ErasableObjects exports, UserDirectory directory,
                          ClosedAccounts closed, ErasureQueue queue, List<Part> parts, Duration tokenLifetime,
                          Duration sweepDelay, Clock clock) {
        this.store = store;
        this.devices = devices;
        this.push = push;
        this.moments = moments;
        this.feeds = feeds;
        this.interactions = interactions;
        this.interactionCleanup = interactionCleanup;
        this.media = media;
        this.exports = exports;
        this.directory = directory;
        this.closed = closed;
        this.queue = queue;
        this.parts = List.copyOf(parts);
        this.tokenLifetime = tokenLifetime;
        this.sweepDelay = sweepDelay;
        this.clock = clock;
    }

    public Result erase(ErasureJob job) {
        String user = job.userId();
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an erasure job names its user");
        }
        Map<Step, Integer> deleted = new EnumMap<>(Step.class);
        closed.close(user, clock.instant().plus(tokenLifetime));
        deleted.put(Step.CLOSE, 0);
        // read first: the profile is deleted last of the partition, so a resumed run still finds the claims
        Optional<ErasureStore.ProfileKeys> profile = store.profileKeys(user);
        deleted.put(Step.DEVICES, devices(user));
        List<ErasureStore.Edge> edges = store.edges(user);
        store.removeEdges(user, edges);
        deleted.put(Step.SOCIAL_GRAPH, edges.size());
        var requesters = store.requesters(user);
        store.removeCooldownsNaming(user, requesters);
        deleted.put(Step.COOLDOWNS_OF_OTHERS, requesters.size());
        List<String> pending = new ArrayList<>();
        deleted.put(Step.MOMENTS, moments(user, pending));
        deleted.put(Step.UPLOADS, media.deleteUnder(MediaKeys.uploadPrefix(user)));
        if (job.sweep()) {
            // a moment pending at the first run: an upload processed meanwhile may have written its images
            media.delete(objectsOf(user, job.pendingMomentIds()));
        }
        deleted.put(Step.INTERACTIONS, interactions(user));
        deleted.put(Step.CAUSED_NOTIFICATIONS, store.removeCausedNotifications(user));
        deleted.put(Step.INBOX, store.removeInboxOf(user));
        deleted.put(Step.FEED, store.removeFeedOf(user));
        deleted.put(Step.EXPORT_OBJECTS, exports.deleteUnder(user + "/"));
        deleted.put(Step.PARTS, parts.stream().mapToInt(part -> part.erase(user)).sum());
        deleted.put(Step.CLAIMS, profile.map(keys -> claims(user, keys)).orElse(0));
        deleted.put(Step.USER_PARTITION, store.removeUserPartition(user));
        directory.delete(user);
        deleted.put(Step.USER_POOL, 1);
        if (!job.sweep()) {
            queue.send(new ErasureJob(user, true, pending), sweepDelay);
        }
        if (job.sweep() || sweepDelay.isZero()) {
            closed.markErased(user, clock.instant().plus(tokenLifetime));
        }
        return new Result(deleted);
    }

    /**
     * Each device: its endpoint while the token's claim is still this device's (SNS hands the same endpoint to
     * the same token, so after a move it is the new owner's), then the claim, then the device item, which is
     * what leads a resumed run to the other two.
     */
    private int devices(String user) {
        int removed = 0;
        for (Device device : devices.devicesOf(user)) {
            if (store.holdsTokenClaim(user, device.deviceId(), device.tokenHash())) {
                if (device.endpointArn() != null) {
                    push.deleteEndpoint(device.endpointArn());
                }
                store.removeTokenClaim(user, device.deviceId(), device.tokenHash());
            }
            devices.remove(device);
            removed++;
        }
        return removed;
    }

    /** Moments whose objects one DeleteObjects call takes (6 keys each, 1,000 keys a call). */
    static final int MOMENTS_PER_OBJECT_DELETE = 166;

    private int moments(String user, List<String> pending) {
        List<ErasureStore.OwnMoment> own = store.momentsOf(user);
        for (int from = 0; from < own.size(); from += MOMENTS_PER_OBJECT_DELETE) {
            List<ErasureStore.OwnMoment> chunk = own.subList(from, Math.min(own.size(), from + MOMENTS_PER_OBJECT_DELETE));
            // the objects first: the moment item is what leads a resumed run back to them
            media.delete(objectsOf(user, chunk.stream().map(ErasureStore.OwnMoment::momentId).toList()));
            for (ErasureStore.OwnMoment moment : chunk) {
                feeds.removeMoment(moment.momentId());
                interactionCleanup.removeAll(moment.momentId());
                moments.delete(moment.momentId());
                if (moment.pending()) {
                    pending.add(moment.momentId());
                }
            }
        }
        return own.size();
    }

    /** Every object a moment can have, whatever roles it declared (a missing key is no error). */
    static List<String> objectsOf(String user, List<String> momentIds) {
        List<String> keys = new ArrayList<>();
        for (String momentId : momentIds) {
            for (ImageRole role : ImageRole.values()) {
                keys.add(MediaKeys.upload(user, momentId, role));
                keys.add(MediaKeys.display(momentId, role));
                keys.add(MediaKeys.thumbnail(momentId, role));
            }
        }
        return keys;
    }

    private int interactions(String user) {
        int removed = 0;
        for (ErasureStore.Interaction interaction : store.interactionsBy(user)) {
            switch (interaction.kind()) {
                case REACTION -> unreact(user, interaction);
                case COMMENT -> deleteComment(user, interaction);
                case COMMENT_MARKER -> store.removeUncounted(user, interaction);
            }
            removed++;
        }
        return removed;
    }

    /** The reaction goes through the store's counted delete, so the moment's count drops with it. */
    private void unreact(String user, ErasureStore.Interaction interaction) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Reaction> reaction = interactions.reaction(interaction.momentId(), user);
            if (reaction.isEmpty()) {
                return;
            }
            switch (interactions.unreact(interaction.momentId(), user, reaction.get().emoji())) {
                case DONE, DUPLICATE -> {
                    return;
                }
                case MOMENT_GONE -> {
                    // no count left to correct: the item alone
                    store.removeUncounted(user, interaction);
                    return;
                }
                case RACED -> {
                    // changed meanwhile: read again
                }
            }
        }
        throw new IllegalStateException("a reaction kept changing while it was erased; the job is retried");
    }

    private void deleteComment(String user, ErasureStore.Interaction interaction) {
        switch (interactions.deleteComment(interaction.momentId(), interaction.id())) {
            case MOMENT_GONE -> store.removeUncounted(user, interaction);
            case DONE, RACED, DUPLICATE -> {
                // deleted now, or already gone
            }
        }
    }

    private int claims(String user, ErasureStore.ProfileKeys keys) {
        int removed = 0;
        if (keys.campusId() != null) {
            store.removeMembership(keys.campusId(), user);
            removed++;
        }
        if (keys.schoolEmailHash() != null) {
            store.removeSchoolEmailClaim(keys.schoolEmailHash(), user);
            removed++;
        }
        if (keys.handle() != null) {
            store.removeHandleClaim(keys.handle(), user);
            removed++;
        }
        return removed;
    }
}
