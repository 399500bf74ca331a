package app.realmoments.report;

import java.time.Instant;

/**
 * One person's report of one target. {@code reporterId} is {@link #SYSTEM} for what screening held
 * before anyone saw it. {@code note}: what the reporter typed (optional).
 */
public record Report(String reportId, String reporterId, Target target, Reason reason, String note, Instant createdAt) {

    /** The reporter of what screening held (no user: no edge, nothing hidden from anyone in particular). */
    public static final String SYSTEM = "system";
}
