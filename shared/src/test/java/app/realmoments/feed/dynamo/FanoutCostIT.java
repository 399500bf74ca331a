package app.realmoments.feed.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.feed.MomentFanout;
import app.realmoments.moment.Audience;
import app.realmoments.moment.Moment;
import app.realmoments.retry.Backoff;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import app.realmoments.testing.AwsCallCounter;
import app.realmoments.testing.CountingDynamo;
import app.realmoments.testing.FanoutWorld;
import app.realmoments.testing.Instrumented;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.RecordingNotificationQueue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What one fan-out costs in DynamoDB calls, counted by an SDK interceptor, and that throttling loses nothing. */
class FanoutCostIT {

    private final LocalAws aws = LocalAws.shared();
    private final String users = aws.table("UsersTable");
    private final String feed = aws.table("FeedTable");

    @ParameterizedTest
    @ValueSource(ints = {10, 250, 1000})
    void oneMomentToNFriendsCostsCeilOfNPlusOneOver25Writes(int n) {
        FanoutWorld world = new FanoutWorld(aws.dynamo(), users, n);
        AwsCallCounter calls = new AwsCallCounter();
        var dynamo = Instrumented.client(aws.clients(), DynamoDbClient.builder(), calls);
        MomentFanout fanout = new MomentFanout(new DynamoFeedStore(dynamo, feed), new DynamoSocialGraph(dynamo, users),
                new RecordingNotificationQueue(), momentId -> { });
        Moment moment = world.moment(Audience.FRIENDS, null);

        assertEquals(n + 1, fanout.published(moment));

        int expectedWrites = (n + 1 + 24) / 25;
        assertEquals(expectedWrites, calls.count("DynamoDb.BatchWriteItem"), calls.snapshot().toString());
        // Friend pages of 100, plus the block lists (both directions): reads only, no call per friend.
        assertEquals((n + 99) / 100 + 2, calls.count("DynamoDb.Query"), calls.snapshot().toString());
        assertEquals(expectedWrites + (n + 99) / 100 + 2, calls.service("DynamoDb"), calls.snapshot().toString());
        assertEquals(n + 1, FanoutWorld.entriesOf(aws.dynamo(), feed, moment.momentId()).size());
    }

    @Test
    void underThrottlingEveryEntryArrivesExactlyOnce() {
        FanoutWorld world = new FanoutWorld(aws.dynamo(), users, 300);
        CountingDynamo.Throttle throttle = new CountingDynamo.Throttle(3); // a third of the writes come back unprocessed
        AwsCallCounter calls = new AwsCallCounter();
        var dynamo = Instrumented.client(aws.clients(), DynamoDbClient.builder(), throttle, calls);
        List<Long> pauses = new ArrayList<>();
        MomentFanout fanout = new MomentFanout(new DynamoFeedStore(dynamo, feed, pauses::add),
                new DynamoSocialGraph(dynamo, users), new RecordingNotificationQueue(), momentId -> { });
        Moment moment = world.moment(Audience.CAMPUS, "throttled-" + world.author);

        assertEquals(301, fanout.published(moment));

        assertTrue(throttle.heldBack.get() > 100, "the throttle held writes back: " + throttle.heldBack.get());
        assertTrue(calls.count("DynamoDb.BatchWriteItem") > (301 + 24) / 25 + 1, "unprocessed items were sent again");
        assertFalse(pauses.isEmpty(), "the store backed off before resending");
        assertTrue(pauses.stream().allMatch(p -> p >= 0 && p <= Backoff.STANDARD_MAX_MILLIS), "backoff stays capped");
        List<String> pks = FanoutWorld.entriesOf(aws.dynamo(), feed, moment.momentId());
        assertEquals(302, pks.size(), "301 feeds and the campus feed");
        assertEquals(302, new HashSet<>(pks).size(), "no entry twice");
        HashSet<String> expected = new HashSet<>();
        expected.add("USER#" + world.author);
        world.friends.forEach(f -> expected.add("USER#" + f));
        assertTrue(pks.containsAll(expected), "every recipient got the moment");
    }
}
