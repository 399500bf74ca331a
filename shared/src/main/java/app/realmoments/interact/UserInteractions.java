package app.realmoments.interact;

import java.util.function.Consumer;

/** One user's reactions and comments on anyone's moments (the sparse ByReactor and ByCommenter indexes). */
public interface UserInteractions {

    /** Every reaction the user made, a page at a time, by moment. */
    void forEachReactionBy(String userId, Consumer<Reaction> each);

    /** Every comment the user wrote, a page at a time, oldest first. */
    void forEachCommentBy(String userId, Consumer<Comment> each);
}
