package app.realmoments.feed.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.FeedService;
import app.realmoments.interact.Reaction;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.moment.Audience;
import app.realmoments.moment.ImageRole;
import app.realmoments.moment.Moment;
import app.realmoments.moment.MomentImage;
import app.realmoments.moment.MomentStatus;
import app.realmoments.moment.MomentView;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.FanoutWorld;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Services;
import app.realmoments.testing.Ulids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A feed page costs a fixed number of calls, whatever its size: no call per item or per author. */
class FeedPageCostIT {

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final String momentsTable = aws.table("MomentsTable");
    private final String feedTable = aws.table("FeedTable");
    private final String interactionsTable = aws.table("InteractionsTable");

    @Test
    void aPageOfTwentyIsOneQueryAndOneBatchReadAndSkipsStillFillIt() {
        // 20 entries by 12 distinct friends: 20 moment + 20 reaction + 13 profile + 36 standing keys fit one request.
        FanoutWorld world = new FanoutWorld(aws.dynamo(), users, 13); // the reader and 13 friends
        String reader = world.author;
        DynamoProfileStore setupProfiles = new DynamoProfileStore(aws.dynamo(), users);
        Instant now = Instant.now();
        setupProfiles.save(new Profile(reader, "r" + reader.substring(0, 8), "Reader", "north", now, now, null), null);
        for (String friend : world.friends) {
            setupProfiles.save(new Profile(friend, "f" + friend.substring(0, 8), "Friend", "north", now, now, null), null);
        }
        DynamoMomentStore setupMoments = new DynamoMomentStore(aws.dynamo(), momentsTable, users);
        DynamoFeedStore setupFeed = new DynamoFeedStore(aws.dynamo(), feedTable);
        String blocker = world.friends.getFirst();
        // Oldest first: 12 visible, then a deleted one and one by a friend who blocks the reader, then 20 more.
        List<String> visibleNewestFirst = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            String author = i == 13 ? blocker : world.friends.get(1 + i % 12);
            String id = Ulids.next();
            setupFeed.putAll(List.of(new FeedEntry(reader, id, author, now)));
            if (i == 12) {
                continue; // its moment was deleted; the entry outlived it
            }
            publish(setupMoments, id, author, now);
            if (i != 13) {
                visibleNewestFirst.add(0, id);
            }
        }
        new DynamoSocialGraph(aws.dynamo(), users).block(blocker, reader, now);
        String reacted = visibleNewestFirst.get(3);
        new DynamoInteractionStore(aws.dynamo(), interactionsTable, momentsTable)
                .react(new Reaction(reacted, reader, "\uD83D\uDD25", now), null);

        AwsCallCounter calls = new AwsCallCounter();
        var dynamo = Instrumented.client(aws.clients(), DynamoDbClient.builder(), calls);
        FeedService service = new FeedService(new DynamoFeedStore(dynamo, feedTable),
                new DynamoPageReads(dynamo, users, momentsTable, interactionsTable), new DynamoProfileStore(dynamo, users),
                Services.views(new InMemoryMediaStore()), new Cursors("0123456789abcdef0123456789abcdef"), Clock.systemUTC());

        Page<MomentView> first = service.feed(reader, 20, null);
        assertEquals(visibleNewestFirst.subList(0, 20), first.items().stream().map(MomentView::momentId).toList());
        assertEquals(Map.of("DynamoDb.Query", 1L, "DynamoDb.BatchGetItem", 1L), calls.snapshot(),
                "one Query, one batch read of moments, profiles, standing and reactions, nothing per item");
        assertEquals("\uD83D\uDD25", first.items().get(3).reactions().mine());
        assertTrue(first.items().stream().allMatch(v -> v.author().handle() != null));
        assertNotNull(first.nextCursor());

        calls.reset();
        Page<MomentView> second = service.feed(reader, 12, first.nextCursor());
        assertEquals(visibleNewestFirst.subList(20, 32), second.items().stream().map(MomentView::momentId).toList(),
                "two skipped entries, and the page is still full");
        assertEquals(Map.of("DynamoDb.Query", 2L, "DynamoDb.BatchGetItem", 2L), calls.snapshot(),
                "one more slice (Query + BatchGetItem) for the two skipped");
        assertTrue(second.items().stream().allMatch(v -> v.author().handle() != null));
    }

    private static void publish(DynamoMomentStore store, String id, String author, Instant at) {
        store.create(new Moment(id, author, null, Audience.FRIENDS, "north", MomentStatus.PENDING, null, at, null, null,
                Map.of(ImageRole.BACK, MomentImage.declared(ImageRole.BACK, "image/jpeg", 1000))), at.plusSeconds(3600));
        store.markImageReady(id, ImageRole.BACK, 10, 10);
        store.publishIfComplete(id, at);
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }
}
