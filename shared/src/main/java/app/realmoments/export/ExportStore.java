package app.realmoments.export;

import java.time.Instant;
import java.util.Optional;

/** The export items, in their user's partition. */
public interface ExportStore {

    void create(Export export);

    /** The user's export of that id; empty for a missing one (or one of another user: the key is the user's). */
    Optional<Export> find(String userId, String exportId);

    /**
     * Marks a preparing export ready; false when it is not there or no longer preparing (another delivery
     * marked it, or an erasure deleted it).
     */
    boolean markReady(String userId, String exportId, Instant readyAt);

    void delete(String userId, String exportId);
}
