package app.realmoments.moment;

import java.util.Collection;
import java.util.Map;

/** The caller's own reaction to each of a page of moments ({@code reactions.mine}), read at once. */
public interface MyReactions {

    /** momentId -> emoji, for the moments among {@code momentIds} the user reacted to (one batch read). */
    Map<String, String> of(String userId, Collection<String> momentIds);
}
