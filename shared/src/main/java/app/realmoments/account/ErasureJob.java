package app.realmoments.account;

import java.util.List;

/**
 * One message of the erasure queue: erase this user. The first run walks everything and then queues a
 * {@code sweep} of the same user a little later, carrying the ids of the moments that were still pending
 * (an upload being processed at that moment may still write their images); the sweep walks again and
 * deletes those moments' objects. Running either twice changes nothing.
 */
public record ErasureJob(String userId, boolean sweep, List<String> pendingMomentIds) {

    public ErasureJob {
        pendingMomentIds = pendingMomentIds == null ? List.of() : List.copyOf(pendingMomentIds);
    }

    public static ErasureJob of(String userId) {
        return new ErasureJob(userId, false, List.of());
    }
}
