package app.realmoments.report;

import app.realmoments.account.AccountSuspension;
import app.realmoments.account.UserDirectory;
import app.realmoments.id.Ids;
import app.realmoments.interact.Comment;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentService;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentVisibility;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.quota.Quotas;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryClosedAccounts;
import app.realmoments.testing.InMemoryContentFlags;
import app.realmoments.testing.InMemoryInteractionStore;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.InMemoryReportStore;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import app.realmoments.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One campus, north: Ana posts a campus moment (two images) that Ben commented on; Ben, Cy, Dee and Fay
 * are north members with no relation to Ana; Eve is at south; Gil is Ana's friend at south.
 */
final class ReportWorld {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final String MOMENT = "01JD8X3Q6Z7V9K2M4N5P6R7S8T";
    static final String COMMENT = "01JD8X4A1B2C3D4E5F6G7H8J9K";

    final SettableClock clock = new SettableClock(NOW);
    final FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "gil");
    final InMemoryProfileStore profiles = new InMemoryProfileStore();
    final InMemoryMomentStore moments = new InMemoryMomentStore();
    final InMemoryInteractionStore interactions = new InMemoryInteractionStore(moments);
    final InMemoryMediaStore media = new InMemoryMediaStore();
    final InMemoryReportStore reports = new InMemoryReportStore(graph);
    final InMemoryContentFlags flags = new InMemoryContentFlags(moments, interactions, profiles);
    final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    final List<String> disabled = new ArrayList<>();
    final List<String> released = new ArrayList<>();
    final MomentVisibility visibility = new MomentVisibility(graph, profiles);
    final UserDirectory accounts = new UserDirectory() {
        @Override
        public void disable(String userId) {
            disabled.add(userId);
        }

        @Override
        public void delete(String userId) {
        }
    };
    final InMemoryClosedAccounts closed = new InMemoryClosedAccounts();;

    ReportWorld() {
        for (String user : List.of("ana", "ben", "cy", "dee", "fay")) {
            profiles.save(new Profile(user, user, user.toUpperCase(), "north", NOW, NOW, NOW), null);
        }
        profiles.save(new Profile("eve", "eve", "EVE", "south", NOW, NOW, NOW), null);
        profiles.save(new Profile("gil", "gil", "GIL", "south", NOW, NOW, NOW), null);
        moments.moments.put(MOMENT, new Moment(MOMENT, "ana", "sunset", Audience.CAMPUS, "north",
                MomentStatus.PUBLISHED, null, NOW, NOW, null, Map.of(
                ImageRole.BACK, new MomentImage(ImageRole.BACK, "image/jpeg", 1000, true, 1080, 1440),
                ImageRole.FRONT, new MomentImage(ImageRole.FRONT, "image/jpeg", 1000, true, 1080, 1440))));
        interactions.addComment(new Comment(COMMENT, MOMENT, "ben", "nice", NOW));
    }

    ReportService reportService(Quotas quotas, int threshold) {
        return new ReportService(reports, flags, moments, interactions, profiles, graph, graph, quotas, new Ids(), clock,
                threshold);
    }

    ReportService reportService() {
        return reportService(Services.noQuotas(), 3);
    }

    ModerationService moderation() {
        MomentService deletion = Services.moments(moments, media, profiles, visibility, new Ids(), clock);
        return new ModerationService(reports, flags, moments, deletion, interactions, profiles, Services.views(media),
                queue, new AccountSuspension(accounts, closed, Duration.ofMinutes(60), clock), released::add, new Cursors("test-cursor-signing-key-0123456789abcdef"), new Ids(), clock);
    }

    boolean sees(String viewer, String momentId) {
        Moment moment = moments.find(momentId).orElse(null);
        return moment != null && visibility.canSee(viewer, profiles.find(viewer).orElse(null), moment);
    }

    static NewReport moment(String reason) {
        return new NewReport("moment", MOMENT, null, reason, null);
    }
}
