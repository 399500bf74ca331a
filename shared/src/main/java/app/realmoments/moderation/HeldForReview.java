package app.realmoments.moderation;

/**
 * Where screening sends what it held back before anyone saw it: a moment whose image or caption the
 * classifier or the word list flagged (it stays pending, unpublished), or a comment the word list
 * flagged (stored hidden from everyone but its author). A moderator then dismisses (the moment is
 * published, the comment shown) or removes it, as with any report.
 */
public interface HeldForReview {

    /**
     * @param targetType "moment" or "comment"
     * @param targetId the moment's or the comment's id
     * @param momentId the moment (for a comment, the moment it is on; for a moment, its own id)
     * @param authorId who wrote it
     * @param why what flagged it, for the moderator: the classifier's labels or "word list"
     */
    record Held(String targetType, String targetId, String momentId, String authorId, String why) {
    }

    void hold(Held held);

    /** Nothing is held: for stages and tests without a moderation queue. */
    HeldForReview NONE = held -> { };
}
