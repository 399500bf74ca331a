package app.realmoments.notify;

import java.time.LocalTime;

/** A daily stretch of local time without pushes; it may wrap past midnight (22:00 to 07:00). */
public record QuietHours(LocalTime start, LocalTime end) {

    /** Start inclusive, end exclusive. */
    public boolean contains(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
