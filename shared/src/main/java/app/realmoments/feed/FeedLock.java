package app.realmoments.feed;

import app.realmoments.profile.Profile;
import java.util.function.Supplier;

/** "Post to see": whether a viewer's feed is locked until they post after today's prompt. */
@FunctionalInterface
public interface FeedLock {

    /** Never locked ("post to see" off). */
    FeedLock OFF = (viewerId, viewer) -> false;

    /**
     * {@code viewer} gives the viewer's profile (null: none yet), read at most once when first asked;
     * the feed page then reuses it instead of reading it again.
     */
    boolean locked(String viewerId, Supplier<Profile> viewer);
}
