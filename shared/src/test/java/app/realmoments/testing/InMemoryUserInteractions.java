package app.realmoments.testing;

import app.realmoments.interact.Comment;
import app.realmoments.interact.Reaction;
import app.realmoments.interact.UserInteractions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Reactions and comments by anyone, found by their author as the sparse indexes find them. */
public class InMemoryUserInteractions implements UserInteractions {

    public final List<Reaction> reactions = new CopyOnWriteArrayList<>();
    public final List<Comment> comments = new CopyOnWriteArrayList<>();

    @Override
    public void forEachReactionBy(String userId, Consumer<Reaction> each) {
        reactions.stream().filter(r -> r.userId().equals(userId)).forEach(each);
    }

    @Override
    public void forEachCommentBy(String userId, Consumer<Comment> each) {
        comments.stream().filter(c -> c.authorId().equals(userId)).forEach(each);
    }
}
