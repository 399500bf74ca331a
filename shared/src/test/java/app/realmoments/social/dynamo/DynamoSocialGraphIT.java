package app.realmoments.social.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.aws.Attrs;
import app.realmoments.testing.LocalAws;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DynamoSocialGraphIT {

    private final String table = LocalAws.shared().table("UsersTable");
    private final DynamoSocialGraph graph = new DynamoSocialGraph(LocalAws.shared().dynamo(), table);

    @Test
    void friendsAreReadPageByPageAndBlocksCountBothWays() {
        String ana = UUID.randomUUID().toString();
        Set<String> friends = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            String friend = UUID.randomUUID().toString();
            friends.add(friend);
            put(ana, "FRIEND#" + friend);
        }
        String eve = UUID.randomUUID().toString();
        put(eve, "BLOCK#" + ana);
        put(ana, "BLOCKED_BY#" + eve);

        List<Integer> pageSizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        graph.forEachFriendPage(ana, page -> {
            pageSizes.add(page.size());
            seen.addAll(page);
        });
        assertEquals(friends, seen);
        assertEquals(List.of(100, 100, 30), pageSizes);

        String someFriend = friends.iterator().next();
        assertTrue(graph.areFriends(ana, someFriend));
        assertFalse(graph.areFriends(someFriend, ana), "only the direction written");
        assertTrue(graph.blockedEitherWay(ana, eve));
        assertTrue(graph.blockedEitherWay(eve, ana));
        assertFalse(graph.blockedEitherWay(ana, someFriend));
        assertEquals(Set.of(eve), graph.blockedEitherWay(ana));
    }

    private void put(String user, String sk) {
        LocalAws.shared().dynamo().putItem(r -> r.tableName(table).item(Attrs.key("USER#" + user, sk)));
    }
}
