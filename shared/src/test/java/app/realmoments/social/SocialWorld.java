package app.realmoments.social;

import app.realmoments.activity.ActivityRules;
import app.realmoments.testing.InMemoryFeedStore;
import app.realmoments.testing.InMemoryMomentStore;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.realmoments.error.Problem;
import app.realmoments.outbox.NotificationJob;
import app.realmoments.outbox.NotificationType;
import app.realmoments.page.Cursors;
import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.RecordingNotificationQueue;
import app.realmoments.testing.Services;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Four students with profiles (Cognito subs, so UUIDs), the social services over fakes, and what they queued. */
final class SocialWorld {

    static final String ANA = "3f0c9a52-6d1e-4b8a-9c47-2e5d8f1a7b30";
    static final String BEN = "8b2e4c1d-0f3a-4e59-a6b7-c8d9e0f1a2b3";
    static final String CLEO = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";
    static final String DAN = "d4c3b2a1-9f8e-4d7c-b6a5-f4e3d2c1b0a9";
    /** Well-formed, but nobody has this id. */
    static final String NOBODY = "00000000-0000-4000-8000-000000000000";

    final Instant now = Instant.parse("2026-11-29T12:00:00Z");
    final FakeSocialGraph graph = new FakeSocialGraph();
    final InMemoryProfileStore profiles = new InMemoryProfileStore();
    final RecordingNotificationQueue queue = new RecordingNotificationQueue();
    final Cursors cursors = new Cursors("k".repeat(32));
    final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    final InMemoryFeedStore feeds = new InMemoryFeedStore();
    final FriendshipService friendships = Services.friendships(graph, profiles, cursors, clock);
    final BlockService blocks = Services.blocks(graph, profiles, cursors, clock);
    final UserDirectory users = new UserDirectory(profiles, graph);

    SocialWorld() {
        // what the users table's stream brings about: notifications and feed cleanup, as the relay does them
        ActivityRules followUps = new ActivityRules(queue, feeds, new InMemoryMomentStore());
        graph.onChange = followUps::followUp;
        profile(ANA, "ana", "north");
        profile(BEN, "ben", "north");
        profile(CLEO, "cleo", "south");
        profile(DAN, "dan", null);
    }

    void profile(String userId, String handle, String campusId) {
        profiles.save(new Profile(userId, handle, handle.substring(0, 1).toUpperCase() + handle.substring(1),
                campusId, now, now, null), null);
    }

    UserView request(String from, String to) {
        return friendships.request(from, new FriendshipService.NewRequest(to));
    }

    Friendship friendship(String viewer, String other) {
        return users.find(viewer, other).friendship();
    }

    List<String> jobs() {
        return queue.sent.stream().map(j -> j.type().wire() + " " + name(j.actorId()) + ">" + name(j.recipientId())).toList();
    }

    List<NotificationJob> jobs(NotificationType type) {
        return queue.sent.stream().filter(j -> j.type() == type).toList();
    }

    static String name(String id) {
        return switch (id) {
            case ANA -> "ana";
            case BEN -> "ben";
            case CLEO -> "cleo";
            case DAN -> "dan";
            default -> id;
        };
    }

    /** A refusal that reads exactly like the answer about a user that does not exist. */
    static void assertLikeAnUnknownUser(Problem problem) {
        Problem unknown = UserIds.unknownUser();
        assertEquals(List.of(404, unknown.code(), unknown.getMessage(), String.valueOf(unknown.field())),
                List.of(problem.kind().status, problem.code(), problem.getMessage(), String.valueOf(problem.field())));
    }
}
