package app.realmoments.report;

import java.time.Clock;
import java.time.Duration;

/** How long the oldest open report has waited for a moderator: the metric the queue's alarm watches. */
public final class QueueAge {

    private final ReportStore reports;
    private final Clock clock;

    public QueueAge(ReportStore reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    /** Zero when nothing is open (or a clock behind the report's). */
    public Duration oldestOpen() {
        return reports.oldestOpen().map(at -> Duration.between(at, clock.instant()))
                .filter(d -> !d.isNegative()).orElse(Duration.ZERO);
    }
}
