package app.realmoments.wiring;

import app.realmoments.aws.AwsClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.aws.SnsClients;
import app.realmoments.aws.SqsClients;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.config.Environment;
import app.realmoments.feed.FeedStore;
import app.realmoments.feed.PageReads;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.feed.dynamo.DynamoPageReads;
import app.realmoments.id.Ids;
import app.realmoments.interact.InteractionCleanup;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.dynamo.DynamoInteractionCleanup;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.moment.MediaStore;
import app.realmoments.moment.MomentStore;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.moment.s3.S3MediaStore;
import app.realmoments.notify.DeviceStore;
import app.realmoments.notify.Inbox;
import app.realmoments.notify.NotificationSettingsStore;
import app.realmoments.notify.PushGateway;
import app.realmoments.notify.PushGrouping;
import app.realmoments.notify.PushPlatform;
import app.realmoments.notify.Recipients;
import app.realmoments.notify.dynamo.DynamoDeviceStore;
import app.realmoments.notify.dynamo.DynamoInbox;
import app.realmoments.notify.dynamo.DynamoNotificationSettingsStore;
import app.realmoments.notify.dynamo.DynamoPushGrouping;
import app.realmoments.notify.dynamo.DynamoRecipients;
import app.realmoments.notify.sns.SnsPushGateway;
import app.realmoments.outbox.NotificationQueue;
import app.realmoments.outbox.sqs.SqsNotificationQueue;
import app.realmoments.page.Cursors;
import app.realmoments.profile.ProfileStore;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.prompt.PromptStore;
import app.realmoments.prompt.PromptWindow;
import app.realmoments.prompt.dynamo.DynamoPromptStore;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place a function's handler is built from: the stage's stores, queue, media, push gateway,
 * cursors, ids and clock, each made from the environment the template sets the first time a handler
 * asks for it, then kept for the container's life. A handler's no-argument constructor takes what it
 * needs from here and hands it to its services; nothing else reads the environment.
 *
 * <p>Only what is asked for is built, so a function's jar needs only the SDK modules of the ports it
 * uses: every client and adapter is made inside the accessor that returns it, never up front. A missing
 * variable fails at start-up, naming it.
 */
public final class Wiring {

    private final Function<String, String> environment;
    private final Map<String, Object> built = new HashMap<>();

    /** @param environment a variable's value by name, or null when it is not set */
    public Wiring(Function<String, String> environment) {
        this.environment = environment;
    }

    /** The function's own environment, as Lambda (or the dev runtime) sets it. */
    public static Wiring fromEnvironment() {
        return new Wiring(name -> Environment.optional(name, null));
    }

    // ------------------------------------------------------------------ plain values

    public Clock clock() {
        return Clock.systemUTC();
    }

    public Ids ids() {
        return once("ids", Ids::new);
    }

    /** List cursors signed with the stage's CURSOR_SIGNING_KEY. */
    public Cursors cursors() {
        return once("cursors", () -> new Cursors(require("CURSOR_SIGNING_KEY")));
    }

    /** CAMPUS_TIME_ZONES (may be empty) and DEFAULT_CAMPUS_TIME_ZONE. */
    public CampusTimeZones campusTimeZones() {
        return once("zones", () -> CampusTimeZones.parse(optional("CAMPUS_TIME_ZONES", ""),
                require("DEFAULT_CAMPUS_TIME_ZONE")));
    }

    /** The prompt's waking hours, PROMPT_WINDOW_START to PROMPT_WINDOW_END. */
    public PromptWindow promptWindow() {
        return once("promptWindow", () -> PromptWindow.parse(require("PROMPT_WINDOW_START"), require("PROMPT_WINDOW_END")));
    }

    /** POST_TO_SEE: whether feeds lock until the viewer posts after today's prompt. */
    public boolean postToSee() {
        return "true".equalsIgnoreCase(optional("POST_TO_SEE", "false").trim());
    }

    // ------------------------------------------------------------------ DynamoDB

    public ProfileStore profiles() {
        return dynamoStore("profiles", "USERS_TABLE", DynamoProfileStore::new);
    }

    public MomentStore moments() {
        return dynamoStore("moments", "MOMENTS_TABLE", DynamoMomentStore::new);
    }

    public SocialGraph socialGraph() {
        return dynamoSocialGraph();
    }

    public SocialGraphStore socialGraphStore() {
        return dynamoSocialGraph();
    }

    public FeedStore feeds() {
        return dynamoStore("feeds", "FEED_TABLE", DynamoFeedStore::new);
    }

    /** A feed slice's moments, profiles, standing and reactions in one BatchGetItem. */
    public PageReads pageReads() {
        return once("pageReads", () -> {
            String users = require("USERS_TABLE");
            String moments = require("MOMENTS_TABLE");
            String interactions = require("INTERACTIONS_TABLE");
            return new DynamoPageReads(dynamo(), users, moments, interactions);
        });
    }

    public InteractionStore interactions() {
        return once("interactions", () -> {
            String interactions = require("INTERACTIONS_TABLE");
            String moments = require("MOMENTS_TABLE");
            return new DynamoInteractionStore(dynamo(), interactions, moments);
        });
    }

    public InteractionCleanup interactionCleanup() {
        return dynamoStore("interactionCleanup", "INTERACTIONS_TABLE", DynamoInteractionCleanup::new);
    }

    public PromptStore prompts() {
        return dynamoStore("prompts", "USERS_TABLE", DynamoPromptStore::new);
    }

    public Inbox inbox() {
        return dynamoStore("inbox", "NOTIFICATIONS_TABLE", DynamoInbox::new);
    }

    public PushGrouping pushGrouping() {
        return dynamoStore("pushGrouping", "NOTIFICATIONS_TABLE", DynamoPushGrouping::new);
    }

    public DeviceStore devices() {
        return dynamoStore("devices", "USERS_TABLE", DynamoDeviceStore::new);
    }

    public NotificationSettingsStore notificationSettings() {
        return dynamoStore("notificationSettings", "USERS_TABLE", DynamoNotificationSettingsStore::new);
    }

    /** A job's recipient, settings and actor in one BatchGetItem. */
    public Recipients recipients() {
        return dynamoStore("recipients", "USERS_TABLE", DynamoRecipients::new);
    }

    // ------------------------------------------------------------------ S3, SQS, SNS

    /**
     * The media bucket: presigned URLs, and object reads, writes and deletes with an S3 client built on
     * first use (most API requests only sign URLs; the upload processor never signs).
     */
    public MediaStore media() {
        return once("media", () -> {
            String bucket = require("MEDIA_BUCKET");
            return new S3MediaStore(S3Clients.lazyClient(aws()), S3Clients.lazyPresigner(aws()), bucket);
        });
    }

    /** The notifications queue (NOTIFICATIONS_QUEUE_URL). */
    public NotificationQueue notificationQueue() {
        return once("queue", () -> {
            String url = require("NOTIFICATIONS_QUEUE_URL");
            return new SqsNotificationQueue(SqsClients.create(aws()), url);
        });
    }

    /**
     * SNS mobile push through the stage's platform applications (FCM_ and APNS_PLATFORM_APPLICATION_ARN),
     * or {@link PushGateway#NONE} when neither is set (inbox only).
     */
    public PushGateway push() {
        return once("push", () -> {
            Map<PushPlatform, String> applications = Map.of(
                    PushPlatform.FCM, optional("FCM_PLATFORM_APPLICATION_ARN", ""),
                    PushPlatform.APNS, optional("APNS_PLATFORM_APPLICATION_ARN", ""));
            return applications.values().stream().allMatch(String::isBlank)
                    ? PushGateway.NONE : new SnsPushGateway(SnsClients.create(aws()), applications);
        });
    }

    // ------------------------------------------------------------------ shared parts

    private DynamoSocialGraph dynamoSocialGraph() {
        return dynamoStore("socialGraph", "USERS_TABLE", DynamoSocialGraph::new);
    }

    private AwsClients aws() {
        return once("aws", () -> AwsClients.from(environment));
    }

    /** A store over one table: the table's variable is read before any client is built. */
    private <T> T dynamoStore(String name, String tableVariable, BiFunction<DynamoDbClient, String, T> make) {
        return once(name, () -> {
            String table = require(tableVariable);
            return make.apply(dynamo(), table);
        });
    }

    private DynamoDbClient dynamo() {
        return once("dynamo", () -> DynamoClients.create(aws()));
    }

    private String require(String name) {
        String value = environment.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("missing environment variable " + name);
        }
        return value;
    }

    private String optional(String name, String fallback) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Built on the first ask, then the same one; lambdas are linked only when their accessor runs. */
    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String name, Supplier<T> make) {
        Object value = built.get(name);
        if (value == null) {
            value = make.get();
            built.put(name, value);
        }
        return (T) value;
    }
}
