package app.realmoments.feed.dynamo;

import app.realmoments.aws.BatchGet;
import app.realmoments.feed.FeedEntry;
import app.realmoments.feed.PageReads;
import app.realmoments.interact.dynamo.DynamoInteractionStore;
import app.realmoments.moment.Moment;
import app.realmoments.moment.dynamo.DynamoMomentStore;
import app.realmoments.profile.Profile;
import app.realmoments.profile.dynamo.DynamoProfileStore;
import app.realmoments.social.dynamo.DynamoSocialGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A slice's reads as one multi-table BatchGetItem: the moment items (moments table), the profile
 * items, the viewer's friend/block edges with each author and the list of what the viewer reported
 * (users table, told apart by sort key), and the viewer's reaction items (interactions table). A
 * request holds at most 100 keys: a slice of n entries by a distinct other authors asks 2n + 4a + 1
 * (+1 for the viewer's profile) keys, so a page of 20 fits one request up to 14 distinct other
 * authors; beyond that the keys take a second request.
 * Unprocessed keys are asked again within the same logical call.
 */
public final class DynamoPageReads implements PageReads {

    private final DynamoDbClient dynamo;
    private final String usersTable;
    private final String momentsTable;
    private final String interactionsTable;

    public DynamoPageReads(DynamoDbClient dynamo, String usersTable, String momentsTable, String interactionsTable) {
        this.dynamo = dynamo;
        this.usersTable = usersTable;
        this.momentsTable = momentsTable;
        this.interactionsTable = interactionsTable;
    }

    @Override
    public Reads read(String viewerId, List<FeedEntry> entries, boolean withViewerProfile) {
        if (entries.isEmpty()) {
            return new Reads(Map.of(), Map.of(), DynamoSocialGraph.standingOf(List.of()), Map.of());
        }
        Set<String> momentIds = new LinkedHashSet<>();
        Set<String> people = new LinkedHashSet<>();
        entries.forEach(e -> {
            momentIds.add(e.momentId());
            people.add(e.authorId());
        });
        if (withViewerProfile) {
            people.add(viewerId);
        }
        List<Map<String, AttributeValue>> momentKeys = new ArrayList<>();
        List<Map<String, AttributeValue>> reactionKeys = new ArrayList<>();
        for (String id : momentIds) {
            momentKeys.add(DynamoMomentStore.key(id));
            reactionKeys.add(DynamoInteractionStore.reactionKey(viewerId, id));
        }
        List<Map<String, AttributeValue>> userKeys = new ArrayList<>();
        people.forEach(id -> userKeys.add(DynamoProfileStore.profileKey(id)));
        userKeys.addAll(DynamoSocialGraph.standingKeys(viewerId, PageReads.authorsOf(viewerId, entries)));

        Map<String, List<Map<String, AttributeValue>>> keys = new LinkedHashMap<>();
        keys.put(momentsTable, momentKeys);
        keys.put(usersTable, userKeys);
        keys.put(interactionsTable, reactionKeys);
        Map<String, List<Map<String, AttributeValue>>> found = BatchGet.items(dynamo, keys);

        Map<String, Moment> moments = new HashMap<>();
        for (Map<String, AttributeValue> item : found.getOrDefault(momentsTable, List.of())) {
            Moment moment = DynamoMomentStore.fromItem(item);
            moments.put(moment.momentId(), moment);
        }
        Map<String, Profile> profiles = new HashMap<>();
        List<Map<String, AttributeValue>> edges = new ArrayList<>();
        for (Map<String, AttributeValue> item : found.getOrDefault(usersTable, List.of())) {
            AttributeValue sk = item.get("sk");
            if (sk != null && "PROFILE".equals(sk.s())) {
                Profile profile = DynamoProfileStore.fromItem(item);
                profiles.put(profile.userId(), profile);
            } else {
                edges.add(item);
            }
        }
        return new Reads(moments, profiles, DynamoSocialGraph.standingOf(edges),
                DynamoInteractionStore.emojisOf(found.getOrDefault(interactionsTable, List.of())));
    }
}
