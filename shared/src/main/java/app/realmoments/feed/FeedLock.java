package app.realmoments.feed;

/** "Post to see": whether a viewer's feed is locked until they post after today's prompt. */
@FunctionalInterface
public interface FeedLock {

    /** Never locked ("post to see" off). */
    FeedLock OFF = viewerId -> false;

    boolean locked(String viewerId);
}
