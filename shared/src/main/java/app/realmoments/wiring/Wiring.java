package app.realmoments.wiring;

import app.realmoments.account.AccountErasure;
import app.realmoments.account.AccountSuspension;
import app.realmoments.account.ClosedAccounts;
import app.realmoments.account.ErasableObjects;
import app.realmoments.account.ErasureQueue;
import app.realmoments.account.ErasureStore;
import app.realmoments.account.UserDirectory;
import app.realmoments.account.dynamo.DynamoClosedAccounts;
import app.realmoments.account.dynamo.DynamoErasureStore;
import app.realmoments.account.s3.S3ErasableObjects;
import app.realmoments.account.cognito.CognitoUserDirectory;
import app.realmoments.account.sqs.SqsErasureQueue;
import app.realmoments.aws.AwsClients;
import app.realmoments.aws.CognitoClients;
import app.realmoments.aws.DynamoClients;
import app.realmoments.aws.RekognitionClients;
import app.realmoments.aws.S3Clients;
import app.realmoments.aws.SesClients;
import app.realmoments.aws.SnsClients;
import app.realmoments.aws.SqsClients;
import app.realmoments.campus.CampusRegistry;
import app.realmoments.campus.CampusTimeZones;
import app.realmoments.campus.MembershipStore;
import app.realmoments.campus.VerificationCodes;
import app.realmoments.campus.dynamo.DynamoCampusRegistry;
import app.realmoments.campus.dynamo.DynamoMembershipStore;
import app.realmoments.config.Environment;
import app.realmoments.export.ExportArchives;
import app.realmoments.export.ExportJobs;
import app.realmoments.export.ExportStore;
import app.realmoments.export.ExportSources;
import app.realmoments.export.dynamo.DynamoExportStore;
import app.realmoments.export.s3.S3ExportArchives;
import app.realmoments.export.sqs.SqsExportJobs;
import app.realmoments.feed.FeedStore;
import app.realmoments.feed.PageReads;
import app.realmoments.feed.dynamo.DynamoFeedStore;
import app.realmoments.feed.dynamo.DynamoPageReads;
import app.realmoments.id.Ids;
import app.realmoments.interact.InteractionCleanup;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.UserInteractions;
import app.realmoments.interact.dynamo.DynamoInteractionCleanup;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.interact.dynamo.DynamoUserInteractions;
import app.realmoments.mail.Mailer;
import app.realmoments.mail.ses.SesMailer;
import app.realmoments.moderation.HeldForReview;
import app.realmoments.report.ContentFlags;
import app.realmoments.report.HeldReports;
import app.realmoments.report.ReportErasure;
import app.realmoments.report.ReportStore;
import app.realmoments.report.dynamo.DynamoContentFlags;
import app.realmoments.report.dynamo.DynamoReportErasureStore;
import app.realmoments.report.dynamo.DynamoReportStore;
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
import app.realmoments.quota.Quotas;
import app.realmoments.quota.dynamo.DynamoQuotaCounter;
import app.realmoments.screening.ConfidenceThreshold;
import app.realmoments.screening.ContentClassifier;
import app.realmoments.screening.LocalContentClassifier;
import app.realmoments.screening.Screening;
import app.realmoments.screening.TextFilter;
import app.realmoments.screening.rekognition.RekognitionContentClassifier;
import app.realmoments.social.SocialGraph;
import app.realmoments.social.SocialGraphStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one place a function's handler is built from: the stage's stores, queue, media, push gateway,
 * cursors, ids and clock, each made from the environment the template sets the first time a handler
 * asks for it, then kept for the container's life. A handler's no-argument constructor takes what it
 * needs from here and hands it to its services; nothing else reads the environment.
 *
 * <p>Only what is asked for is built, so a function's jar needs only the SDK modules of the ports it
 * uses: every client and adapter is made inside the accessor that returns it, never up front. A missing
 * variable fails at start-up, naming it (a table's name is read before any client is built). Plain fields
 * and null checks rather than a map of lambdas: each lambda would be spun at every cold start (they are
 * not in the AOT cache of a function's class loader), which measurably slowed the event functions.
 */
public final class Wiring {

    private final Function<String, String> environment;

    private AwsClients aws;
    private DynamoDbClient dynamo;
    private Ids ids;
    private Cursors cursors;
    private CampusTimeZones zones;
    private CampusRegistry campuses;
    private MembershipStore membership;
    private VerificationCodes verificationCodes;
    private Mailer mailer;
    private PromptWindow promptWindow;
    private ProfileStore profiles;
    private MomentStore moments;
    private DynamoSocialGraph socialGraph;
    private FeedStore feeds;
    private PageReads pageReads;
    private InteractionStore interactions;
    private InteractionCleanup interactionCleanup;
    private PromptStore prompts;
    private Inbox inbox;
    private PushGrouping pushGrouping;
    private DeviceStore devices;
    private NotificationSettingsStore notificationSettings;
    private Recipients recipients;
    private MediaStore media;
    private NotificationQueue queue;
    private PushGateway push;
    private Quotas quotas;
    private TextFilter textFilter;
    private Screening screening;
    private ClosedAccounts closedAccounts;
    private ErasureStore erasureStore;
    private ErasureQueue erasureQueue;
    private UserDirectory userDirectory;
    private HeldForReview heldForReview;
    private AccountErasure.Part reportErasure;
    private ReportStore reports;
    private ContentFlags contentFlags;
    private UserInteractions userInteractions;
    private ExportStore exports;
    private ExportJobs exportJobs;
    private ExportArchives exportArchives;

    /** @param environment a variable's value by name, or null when it is not set */
    public Wiring(Function<String, String> environment) {
        this.environment = environment;
    }

    private static Wiring stage;

    /**
     * The function's own environment, as Lambda (or the dev runtime, one class loader per function) sets it:
     * one per container, so the handler and the HTTP edge's closed-account check share one set of clients.
     */
    public static synchronized Wiring fromEnvironment() {
        if (stage == null) {
            stage = new Wiring(name -> Environment.optional(name, null));
        }
        return stage;
    }

    // ------------------------------------------------------------------ plain values

    public Clock clock() {
        return Clock.systemUTC();
    }

    public synchronized Ids ids() {
        if (ids == null) {
            ids = new Ids();
        }
        return ids;
    }

    /** List cursors signed with the stage's CURSOR_SIGNING_KEY. */
    public synchronized Cursors cursors() {
        if (cursors == null) {
            cursors = new Cursors(require("CURSOR_SIGNING_KEY"));
        }
        return cursors;
    }

    /** Each campus's zone from the registry; DEFAULT_CAMPUS_TIME_ZONE for users without a campus. */
    public synchronized CampusTimeZones campusTimeZones() {
        if (zones == null) {
            String fallback = require("DEFAULT_CAMPUS_TIME_ZONE");
            ZoneId zone;
            try {
                zone = ZoneId.of(fallback);
            } catch (DateTimeException e) {
                throw new IllegalStateException("DEFAULT_CAMPUS_TIME_ZONE is not a time zone: " + fallback);
            }
            zones = new CampusTimeZones(campusRegistry(), zone, clock());
        }
        return zones;
    }

    /** Verification codes hashed under the stage's secret (CURSOR_SIGNING_KEY, with a purpose of their own). */
    public synchronized VerificationCodes verificationCodes() {
        if (verificationCodes == null) {
            verificationCodes = new VerificationCodes(require("CURSOR_SIGNING_KEY"));
        }
        return verificationCodes;
    }

    /** The prompt's waking hours, PROMPT_WINDOW_START to PROMPT_WINDOW_END. */
    public synchronized PromptWindow promptWindow() {
        if (promptWindow == null) {
            promptWindow = PromptWindow.parse(require("PROMPT_WINDOW_START"), require("PROMPT_WINDOW_END"));
        }
        return promptWindow;
    }

    /** FRIEND_REQUEST_COOLDOWN_HOURS: how long a withdrawn or declined request keeps its sender from asking again. */
    public Duration friendRequestCooldown() {
        String hours = optional("FRIEND_REQUEST_COOLDOWN_HOURS", "24").trim();
        try {
            return Duration.ofHours(Long.parseLong(hours));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("FRIEND_REQUEST_COOLDOWN_HOURS must be a whole number of hours: " + hours);
        }
    }

    /** POST_TO_SEE: whether feeds lock until the viewer posts after today's prompt. */
    public boolean postToSee() {
        return "true".equalsIgnoreCase(optional("POST_TO_SEE", "false").trim());
    }

    // ------------------------------------------------------------------ DynamoDB

    /** The stage's quotas (QUOTA_* variables, the defaults for those it leaves unset), counted in the users table. */
    public synchronized Quotas quotas() {
        if (quotas == null) {
            String table = require("USERS_TABLE");
            quotas = Quotas.configured(new DynamoQuotaCounter(dynamo(), table), environment, clock());
        }
        return quotas;
    }

    public synchronized ProfileStore profiles() {
        if (profiles == null) {
            String table = require("USERS_TABLE");
            profiles = new DynamoProfileStore(dynamo(), table);
        }
        return profiles;
    }

    /** The campus registry (in the users table). */
    public synchronized CampusRegistry campusRegistry() {
        if (campuses == null) {
            String table = require("USERS_TABLE");
            campuses = new DynamoCampusRegistry(dynamo(), table);
        }
        return campuses;
    }

    /** Verifications, school-address claims and membership (in the users table). */
    public synchronized MembershipStore membership() {
        if (membership == null) {
            String table = require("USERS_TABLE");
            membership = new DynamoMembershipStore(dynamo(), table);
        }
        return membership;
    }

    public synchronized MomentStore moments() {
        if (moments == null) {
            String table = require("MOMENTS_TABLE");
            // the Idempotency-Key markers of POST /moments: only the moments API starts moments
            moments = new DynamoMomentStore(dynamo(), table, optional("USERS_TABLE", null));
        }
        return moments;
    }

    public SocialGraph socialGraph() {
        return dynamoSocialGraph();
    }

    public SocialGraphStore socialGraphStore() {
        return dynamoSocialGraph();
    }

    public synchronized FeedStore feeds() {
        if (feeds == null) {
            String table = require("FEED_TABLE");
            feeds = new DynamoFeedStore(dynamo(), table);
        }
        return feeds;
    }

    /** A feed slice's moments, profiles, standing and reactions in one BatchGetItem. */
    public synchronized PageReads pageReads() {
        if (pageReads == null) {
            String users = require("USERS_TABLE");
            String momentsTable = require("MOMENTS_TABLE");
            String interactionsTable = require("INTERACTIONS_TABLE");
            pageReads = new DynamoPageReads(dynamo(), users, momentsTable, interactionsTable);
        }
        return pageReads;
    }

    public synchronized InteractionStore interactions() {
        if (interactions == null) {
            String interactionsTable = require("INTERACTIONS_TABLE");
            String momentsTable = require("MOMENTS_TABLE");
            interactions = new DynamoInteractionStore(dynamo(), interactionsTable, momentsTable);
        }
        return interactions;
    }

    public synchronized InteractionCleanup interactionCleanup() {
        if (interactionCleanup == null) {
            String table = require("INTERACTIONS_TABLE");
            interactionCleanup = new DynamoInteractionCleanup(dynamo(), table);
        }
        return interactionCleanup;
    }

    /** One user's reactions and comments on anyone's moments (the ByReactor and ByCommenter indexes). */
    public synchronized UserInteractions userInteractions() {
        if (userInteractions == null) {
            String table = require("INTERACTIONS_TABLE");
            userInteractions = new DynamoUserInteractions(dynamo(), table);
        }
        return userInteractions;
    }

    /** Export items (in the users table). */
    public synchronized ExportStore exports() {
        if (exports == null) {
            String table = require("USERS_TABLE");
            exports = new DynamoExportStore(dynamo(), table);
        }
        return exports;
    }

    /** Everything of a user an export copies: profile, campus verification, graph, moments, interactions, inbox, devices, settings, images. */
    public ExportSources exportSources() {
        return new ExportSources(profiles(), membership(), socialGraphStore(), socialGraph(), moments(), userInteractions(), inbox(),
                devices(), notificationSettings(), media());
    }

    public synchronized PromptStore prompts() {
        if (prompts == null) {
            String table = require("USERS_TABLE");
            prompts = new DynamoPromptStore(dynamo(), table);
        }
        return prompts;
    }

    public synchronized Inbox inbox() {
        if (inbox == null) {
            String table = require("NOTIFICATIONS_TABLE");
            inbox = new DynamoInbox(dynamo(), table);
        }
        return inbox;
    }

    public synchronized PushGrouping pushGrouping() {
        if (pushGrouping == null) {
            String table = require("NOTIFICATIONS_TABLE");
            pushGrouping = new DynamoPushGrouping(dynamo(), table);
        }
        return pushGrouping;
    }

    public synchronized DeviceStore devices() {
        if (devices == null) {
            String table = require("USERS_TABLE");
            devices = new DynamoDeviceStore(dynamo(), table);
        }
        return devices;
    }

    public synchronized NotificationSettingsStore notificationSettings() {
        if (notificationSettings == null) {
            String table = require("USERS_TABLE");
            notificationSettings = new DynamoNotificationSettingsStore(dynamo(), table);
        }
        return notificationSettings;
    }

    /** A job's recipient, settings and actor in one BatchGetItem. */
    public synchronized Recipients recipients() {
        if (recipients == null) {
            String table = require("USERS_TABLE");
            recipients = new DynamoRecipients(dynamo(), table);
        }
        return recipients;
    }

    // ------------------------------------------------------------------ S3, SQS, SNS, SES, Cognito

    /**
     * The media bucket: presigned URLs, and object reads, writes and deletes with an S3 client built on
     * first use (most API requests only sign URLs; the upload processor never signs).
     */
    public synchronized MediaStore media() {
        if (media == null) {
            String bucket = require("MEDIA_BUCKET");
            media = new S3MediaStore(S3Clients.lazyClient(aws()), S3Clients.lazyPresigner(aws()), bucket);
        }
        return media;
    }

    /** The exports bucket (EXPORTS_BUCKET): archives written by the exporter, downloaded through presigned URLs. */
    public synchronized ExportArchives exportArchives() {
        if (exportArchives == null) {
            String bucket = require("EXPORTS_BUCKET");
            exportArchives = new S3ExportArchives(S3Clients.lazyClient(aws()), S3Clients.lazyPresigner(aws()), bucket);
        }
        return exportArchives;
    }

    /** The exports queue (EXPORTS_QUEUE_URL). */
    public synchronized ExportJobs exportJobs() {
        if (exportJobs == null) {
            String url = require("EXPORTS_QUEUE_URL");
            exportJobs = new SqsExportJobs(SqsClients.create(aws()), url);
        }
        return exportJobs;
    }

    /** Email through SES from VERIFICATION_EMAIL_FROM, the stage's verified sender. */
    public synchronized Mailer mailer() {
        if (mailer == null) {
            String from = require("VERIFICATION_EMAIL_FROM");
            mailer = new SesMailer(SesClients.lazyClient(aws()), from);
        }
        return mailer;
    }

    /** The notifications queue (NOTIFICATIONS_QUEUE_URL). */
    public synchronized NotificationQueue notificationQueue() {
        if (queue == null) {
            String url = require("NOTIFICATIONS_QUEUE_URL");
            queue = new SqsNotificationQueue(SqsClients.create(aws()), url);
        }
        return queue;
    }

    /**
     * SNS mobile push through the stage's platform applications (FCM_ and APNS_PLATFORM_APPLICATION_ARN),
     * or {@link PushGateway#NONE} when neither is set (inbox only).
     */
    public synchronized PushGateway push() {
        if (push == null) {
            Map<PushPlatform, String> applications = Map.of(
                    PushPlatform.FCM, optional("FCM_PLATFORM_APPLICATION_ARN", ""),
                    PushPlatform.APNS, optional("APNS_PLATFORM_APPLICATION_ARN", ""));
            push = applications.values().stream().allMatch(String::isBlank)
                    ? PushGateway.NONE : new SnsPushGateway(SnsClients.create(aws()), applications);
        }
        return push;
    }

    // ------------------------------------------------------------------ screening

    /** The stage's word list for captions and comments: TEXT_FILTER_LIST names one ({@code default} unless set). */
    public synchronized TextFilter textFilter() {
        if (textFilter == null) {
            textFilter = TextFilter.named(optional("TEXT_FILTER_LIST", "default").trim());
        }
        return textFilter;
    }

    /**
     * Upload screening: the word list, the threshold MODERATION_CONFIDENCE_THRESHOLD (0 to 100, 80 unless set)
     * and the classifier CONTENT_CLASSIFIER names: {@code rekognition} (unless set: Amazon Rekognition's
     * moderation labels) or {@code local} (the local stack's deterministic stand-in, which the emulator needs
     * as it has no Rekognition moderation). Each is checked at start-up, naming the variable.
     */
    public synchronized Screening screening() {
        if (screening == null) {
            ConfidenceThreshold threshold = ConfidenceThreshold.parse("MODERATION_CONFIDENCE_THRESHOLD",
                    optional("MODERATION_CONFIDENCE_THRESHOLD", "80"));
            String kind = optional("CONTENT_CLASSIFIER", "rekognition").trim();
            ContentClassifier classifier = switch (kind) {
                case "rekognition" -> new RekognitionContentClassifier(RekognitionClients.create(aws()), threshold);
                case "local" -> new LocalContentClassifier();
                default -> throw new IllegalStateException("CONTENT_CLASSIFIER must be rekognition or local: " + kind);
            };
            screening = new Screening(classifier, threshold, textFilter());
        }
        return screening;
    }

    /**
     * Where screening sends what it held: the moderation queue (an open report from the system reporter in
     * MODERATION_TABLE), or nothing queued on a stage without one (held content still stays unpublished or
     * hidden).
     */
    public synchronized HeldForReview heldForReview() {
        if (heldForReview == null) {
            heldForReview = optional("MODERATION_TABLE", null) == null ? HeldForReview.NONE
                    : new HeldReports(reports(), ids(), clock());
        }
        return heldForReview;
    }

    // ------------------------------------------------------------------ reports and moderation

    /** Reports, cases and the audit log (MODERATION_TABLE), the reporters' edges in USERS_TABLE. */
    public synchronized ReportStore reports() {
        if (reports == null) {
            String table = require("MODERATION_TABLE");
            String users = require("USERS_TABLE");
            reports = new DynamoReportStore(dynamo(), table, users);
        }
        return reports;
    }

    /** Moderation's hidden flags on moments, comments and profiles. */
    public synchronized ContentFlags contentFlags() {
        if (contentFlags == null) {
            String users = require("USERS_TABLE");
            String momentsTable = require("MOMENTS_TABLE");
            String interactionsTable = require("INTERACTIONS_TABLE");
            contentFlags = new DynamoContentFlags(dynamo(), users, momentsTable, interactionsTable, clock());
        }
        return contentFlags;
    }

    /** REPORT_AUTO_HIDE_THRESHOLD: distinct reporters whose open reports hide a target until review (3 unless set). */
    public int reportAutoHideThreshold() {
        String value = optional("REPORT_AUTO_HIDE_THRESHOLD", "3").trim();
        try {
            int threshold = Integer.parseInt(value);
            if (threshold >= 1) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("REPORT_AUTO_HIDE_THRESHOLD must be a whole number of reporters, at least 1: "
                + value);
    }

    // ------------------------------------------------------------------ accounts and erasure

    /**
     * Closed accounts (users table, keyed under CURSOR_SIGNING_KEY), which every HTTP route checks; {@link
     * ClosedAccounts#NONE} for a function that has neither (the template gives both to every HTTP function).
     */
    public synchronized ClosedAccounts closedAccounts() {
        if (closedAccounts == null) {
            String table = optional("USERS_TABLE", null);
            String secret = optional("CURSOR_SIGNING_KEY", null);
            closedAccounts = table == null || secret == null ? ClosedAccounts.NONE
                    : new DynamoClosedAccounts(dynamo(), table, secret, clock());
        }
        return closedAccounts;
    }

    /** TOKEN_LIFETIME_MINUTES: how long a token issued before a deletion stays valid (the pool client's, 60 by default). */
    public Duration tokenLifetime() {
        return Duration.ofMinutes(wholeNumber("TOKEN_LIFETIME_MINUTES", "60"));
    }

    /** ERASURE_SWEEP_DELAY_SECONDS: how long after the walk its sweep runs (longer than any API call: 60). */
    public Duration erasureSweepDelay() {
        return Duration.ofSeconds(wholeNumber("ERASURE_SWEEP_DELAY_SECONDS", "60"));
    }

    /** The erasure queue (ERASURE_QUEUE_URL). */
    public synchronized ErasureQueue erasureQueue() {
        if (erasureQueue == null) {
            String url = require("ERASURE_QUEUE_URL");
            erasureQueue = new SqsErasureQueue(SqsClients.create(aws()), url);
        }
        return erasureQueue;
    }

    /** Erasure's reads and deletes over the five tables. */
    public synchronized ErasureStore erasureStore() {
        if (erasureStore == null) {
            erasureStore = new DynamoErasureStore(dynamo(), require("USERS_TABLE"), require("MOMENTS_TABLE"),
                    require("FEED_TABLE"), require("INTERACTIONS_TABLE"), require("NOTIFICATIONS_TABLE"));
        }
        return erasureStore;
    }

    /** The erasure walk, with every store it deletes from; EXPORTS_BUCKET may be unset (no exports). */
    public AccountErasure accountErasure(List<AccountErasure.Part> parts) {
        String exports = optional("EXPORTS_BUCKET", null);
        return new AccountErasure(erasureStore(), devices(), push(), moments(), feeds(), interactions(),
                interactionCleanup(), new S3ErasableObjects(S3Clients.lazyClient(aws()), require("MEDIA_BUCKET")),
                exports == null ? ErasableObjects.NONE : new S3ErasableObjects(S3Clients.lazyClient(aws()), exports),
                userDirectory(), closedAccounts(), erasureQueue(), parts, tokenLifetime(), erasureSweepDelay(), clock());
    }

    /** Moderation's part of the erasure (MODERATION_TABLE): the reports a user filed, and the user taken out of those against them. */
    public synchronized AccountErasure.Part reportErasure() {
        if (reportErasure == null) {
            reportErasure = new ReportErasure(new DynamoReportErasureStore(dynamo(), require("MODERATION_TABLE"),
                    require("USERS_TABLE")), ids(), clock());
        }
        return reportErasure;
    }

    /** A moderator's suspension: the account's tokens refused (closed accounts) and its pool user disabled. */
    public AccountSuspension accountSuspension() {
        return new AccountSuspension(userDirectory(), closedAccounts(), tokenLifetime(), clock());
    }

    /** The stage's user pool (USER_POOL_ID), its client built on the first account change. */
    public synchronized UserDirectory userDirectory() {
        if (userDirectory == null) {
            String pool = require("USER_POOL_ID");
            userDirectory = new CognitoUserDirectory(CognitoClients.lazyClient(aws()), pool);
        }
        return userDirectory;
    }

    private long wholeNumber(String name, String fallback) {
        String value = optional(name, fallback).trim();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number: " + value);
        }
    }

    // ------------------------------------------------------------------ shared parts

    private synchronized DynamoSocialGraph dynamoSocialGraph() {
        if (socialGraph == null) {
            String table = require("USERS_TABLE");
            socialGraph = new DynamoSocialGraph(dynamo(), table);
        }
        return socialGraph;
    }

    private synchronized AwsClients aws() {
        if (aws == null) {
            aws = AwsClients.from(environment);
        }
        return aws;
    }

    private synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = DynamoClients.create(aws());
        }
        return dynamo;
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
}
