package app.realmoments.testing;

import app.realmoments.social.SocialGraph;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Friendships and blocks set up by the test; friend pages of a fixed size, like the real store. */
public final class FakeSocialGraph implements SocialGraph {

    private final Set<String> friendships = new HashSet<>();
    private final Set<String> blocks = new HashSet<>();
    private final int pageSize;
    public int friendPagesRead;

    public FakeSocialGraph() {
        this(100);
    }

    public FakeSocialGraph(int pageSize) {
        this.pageSize = pageSize;
    }

    public FakeSocialGraph friends(String a, String b) {
        friendships.add(a + ">" + b);
        friendships.add(b + ">" + a);
        return this;
    }

    public FakeSocialGraph block(String blocker, String blocked) {
        blocks.add(blocker + ">" + blocked);
        return this;
    }

    @Override
    public boolean areFriends(String a, String b) {
        return friendships.contains(a + ">" + b);
    }

    @Override
    public boolean blockedEitherWay(String a, String b) {
        return blocks.contains(a + ">" + b) || blocks.contains(b + ">" + a);
    }

    @Override
    public void forEachFriendPage(String userId, Consumer<Set<String>> page) {
        List<String> all = new ArrayList<>();
        friendships.stream().filter(f -> f.startsWith(userId + ">")).sorted()
                .forEach(f -> all.add(f.substring(userId.length() + 1)));
        for (int i = 0; i < all.size(); i += pageSize) {
            friendPagesRead++;
            page.accept(new LinkedHashSet<>(all.subList(i, Math.min(all.size(), i + pageSize))));
        }
    }

    @Override
    public Set<String> blockedEitherWay(String userId) {
        Set<String> out = new HashSet<>();
        for (String block : blocks) {
            String[] parts = block.split(">");
            if (parts[0].equals(userId)) {
                out.add(parts[1]);
            } else if (parts[1].equals(userId)) {
                out.add(parts[0]);
            }
        }
        return out;
    }
}
