package app.realmoments.social;

/**
 * What the social graph asks of the feeds when two users part (unfriend, block): each one's moments
 * leave the other's feed. Reads enforce the visibility rule anyway; this keeps feeds from carrying
 * entries nobody may see.
 */
@FunctionalInterface
public interface FeedCleanup {

    void parted(String a, String b);
}
