package app.realmoments.notify;

/** What the dispatcher needs to know about a job's recipient and actor before it notifies. */
public interface Recipients {

    /** @param actorId null for a notification nobody caused (the daily prompt) */
    Recipient load(String recipientId, String actorId);

    /**
     * @param blocked    the actor and the recipient blocked each other (either way)
     * @param campusId   the recipient's campus, whose time zone quiet hours are in (null: the default zone)
     * @param actorName  what a push calls the actor (null when unknown)
     */
    record Recipient(boolean blocked, String campusId, NotificationSettings settings, String actorName) {
    }
}
