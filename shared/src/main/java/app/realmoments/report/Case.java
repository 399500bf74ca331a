package app.realmoments.report;

import java.time.Instant;
import java.util.Set;

/**
 * Everything reported about one target: open while it has reports no moderator resolved yet.
 *
 * @param authorId who wrote the target (for a user target, the user): the one attribute that names them
 * @param firstReportId the first open report, by which the queue lists the case
 * @param openedAt when its first open report came (null when not open)
 * @param reporters distinct reporters of its open reports
 * @param reasons the reasons they gave
 * @param hidden auto-hidden (enough reporters) until reviewed
 * @param held what screening flagged, when screening held it (null otherwise)
 * @param round how many times it was resolved: a resolution is conditioned on it, so it is written once
 * @param last the latest resolution (null before the first)
 */
public record Case(Target target, String authorId, String firstReportId, Instant openedAt, int reporters,
                   Set<String> reasons, boolean open, boolean hidden, String held, long round, Resolution last) {

    public Case {
        reasons = reasons == null ? Set.of() : Set.copyOf(reasons);
    }
}
