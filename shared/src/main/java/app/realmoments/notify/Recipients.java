package app.realmoments.notify;

import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.social.SocialGraph;

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

    /** The same answer from the separate ports (fakes in tests); the DynamoDB one reads it in one call. */
    static Recipients of(SocialGraph graph, ProfileStore profiles, NotificationSettingsStore settings) {
        return (recipientId, actorId) -> {
            boolean other = actorId != null && !actorId.equals(recipientId);
            String campus = profiles.find(recipientId).map(Profile::campusId).orElse(null);
            String actorName = actorId == null ? null : profiles.find(actorId).map(Profile::displayName).orElse(null);
            return new Recipient(other && graph.blockedEitherWay(actorId, recipientId), campus,
                    settings.find(recipientId), actorName);
        };
    }
}
