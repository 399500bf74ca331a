package app.realmoments.prompt;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;

/** Waking hours (stage parameters PromptWindowStart/End, local time of each campus) in which the prompt falls. */
public record PromptWindow(LocalTime start, LocalTime end) {

    public PromptWindow {
        if (!end.isAfter(start.plus(Prompt.WINDOW))) {
            throw new IllegalStateException("the prompt window must end after it starts (" + start + "-" + end + ")");
        }
    }

    /** Fails at start-up, naming the value, on anything but HH:mm. */
    public static PromptWindow parse(String start, String end) {
        return new PromptWindow(time(start), time(end));
    }

    /**
     * A uniformly random instant of that local day, from {@code start} to {@code end} minus the prompt's own
     * window, and not before {@code notBefore}; null when none is left. Local times that a DST change skips or
     * repeats resolve as {@link java.time.ZonedDateTime#of} does (a skipped time moves forward).
     */
    public Instant pick(LocalDate date, ZoneId zone, Instant notBefore, RandomGenerator random) {
        Instant from = date.atTime(start).atZone(zone).toInstant();
        Instant to = date.atTime(end).atZone(zone).toInstant().minus(Prompt.WINDOW);
        if (notBefore != null && notBefore.isAfter(from)) {
            from = notBefore;
        }
        long span = to.getEpochSecond() - from.getEpochSecond();
        if (span <= 0) {
            return null;
        }
        return Instant.ofEpochSecond(from.getEpochSecond() + random.nextLong(span + 1));
    }

    private static LocalTime time(String value) {
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("not a time of day (HH:mm): " + value);
        }
    }
}
