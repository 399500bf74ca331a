package app.realmoments.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the dispatcher needs to know about a job's recipient and actor before it notifies. */
public interface Recipients {

    /** @param actorId null for a notification nobody caused (the daily prompt) */
    Recipient load(String recipientId, String actorId);

    /**
     * Every asked recipient at once, in as few reads as the store allows (the default asks one by one).
     * Returns each ask's recipient.
     */
    default Map<Ask, Recipient> loadAll(Collection<Ask> asks) {
        Map<Ask, Recipient> loaded = new LinkedHashMap<>();
        for (Ask ask : asks) {
            Recipient recipient = load(ask.recipientId(), ask.actorId());
            loaded.put(ask, ask.campusId() == null ? recipient : new Recipient(recipient.blocked(), ask.campusId(),
                    recipient.settings(), recipient.actorName(), recipient.devices()));
        }
        return loaded;
    }

    /**
     * One recipient to read.
     *
     * @param actorId  null for a notification nobody caused
     * @param campusId the recipient's campus when the job already says it (the daily prompt of that campus):
     *                 their profile is then not read; null to read it
     */
    record Ask(String recipientId, String actorId, String campusId) {
    }

    /**
     * @param blocked    the actor and the recipient blocked each other (either way)
     * @param campusId   the recipient's campus, whose time zone quiet hours are in (null: the default zone)
     * @param actorName  what a push calls the actor (null when unknown)
     * @param devices    the recipient's devices, read with the rest; null when the store could not tell them
     *                   (the dispatcher then asks the device store)
     */
    record Recipient(boolean blocked, String campusId, NotificationSettings settings, String actorName,
                     List<Device> devices) {

        public Recipient(boolean blocked, String campusId, NotificationSettings settings, String actorName) {
            this(blocked, campusId, settings, actorName, null);
        }
    }
}
