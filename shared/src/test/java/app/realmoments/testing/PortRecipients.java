package app.realmoments.testing;

import app.realmoments.notify.NotificationSettingsStore;
import app.realmoments.notify.Recipients;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import app.realmoments.social.SocialGraph;

/** The dispatcher's {@link Recipients} answered from the separate ports (fakes), one read each. */
public final class PortRecipients {

    private PortRecipients() {
    }

    public static Recipients of(SocialGraph graph, ProfileStore profiles, NotificationSettingsStore settings) {
        return (recipientId, actorId) -> {
            boolean other = actorId != null && !actorId.equals(recipientId);
            String campus = profiles.find(recipientId).map(Profile::campusId).orElse(null);
            String actorName = actorId == null ? null : profiles.find(actorId).map(Profile::displayName).orElse(null);
            return new Recipients.Recipient(other && graph.blockedEitherWay(actorId, recipientId), campus,
                    settings.find(recipientId), actorName);
        };
    }
}
