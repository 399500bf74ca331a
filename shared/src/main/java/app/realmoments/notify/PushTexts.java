package app.realmoments.notify;

import app.realmoments.outbox.NotificationJob;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words of a push, in the product's voice; the app opens the inbox item the data names. */
public final class PushTexts {

    private PushTexts() {
    }

    /** @param heldBefore reactions to the same moment held back since the last push ("and 4 others") */
    public static PushMessage of(NotificationJob job, String actorName, long heldBefore) {
        String who = actorName == null || actorName.isBlank() ? "Someone" : actorName;
        String body = switch (job.type()) {
            case FRIEND_REQUEST -> who + " wants to be friends";
            case FRIEND_ACCEPTED -> who + " accepted your friend request";
            case NEW_MOMENT -> who + " posted a moment";
            case REACTION -> heldBefore > 0
                    ? who + " and " + heldBefore + (heldBefore == 1 ? " other" : " others") + " reacted to your moment"
                    : who + " reacted to your moment";
            case COMMENT -> heldBefore > 0
                    ? who + " and " + heldBefore + (heldBefore == 1 ? " other" : " others") + " commented on your moment"
                    : who + " commented on your moment";
            case PROMPT -> "Time to post: 2 minutes to share what is really happening";
            case MOMENT_REJECTED -> "Your moment could not be published";
            case MOMENT_REMOVED -> "One of your moments was removed for breaking the community rules";
            case EXPORT_READY -> "Your copy of your data is ready to download";
        };
        Map<String, String> data = new LinkedHashMap<>();
        data.put("notificationId", job.notificationId());
        data.put("type", job.type().wire());
        if (job.momentId() != null) {
            data.put("momentId", job.momentId());
        }
        return new PushMessage("Real Moments", body, data);
    }
}
