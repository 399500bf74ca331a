package app.realmoments.quota;

import app.realmoments.error.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one caller may do, and how often (api.md: quotas). A rate allows so many uses per fixed window
 * ("20/1d": twenty a UTC day), counted in one conditional update per use; a cap bounds how many of a
 * thing a caller holds at once (pending moments, devices), counted from what they hold. Past either,
 * the answer is 429 {@code throttled} with a Retry-After. Limits are stage parameters; the defaults
 * below are the template's.
 */
public final class Quotas {

    /** Costly actions counted per window. */
    public enum Rate {
        MOMENTS_STARTED("20/1d", "moments started"),
        FRIEND_REQUESTS("50/1d", "friend requests sent"),
        COMMENTS("60/1h", "comments"),
        REACTIONS("120/1h", "reactions"),
        VERIFICATION_EMAILS("5/1d", "verification emails"),
        EXPORTS("3/1d", "exports"),
        REPORTS("20/1d", "reports");

        final String fallback;
        final String words;

        Rate(String fallback, String words) {
            this.fallback = fallback;
            this.words = words;
        }

        /** The variable the template sets for this rate, e.g. QUOTA_MOMENTS_STARTED. */
        public String variable() {
            return "QUOTA_" + name();
        }
    }

    /** Things a caller holds at once. */
    public enum Cap {
        PENDING_MOMENTS(3, "moments waiting for their photos", Duration.ofMinutes(1)),
        DEVICES(10, "registered devices", Duration.ofHours(1));

        final int fallback;
        final String words;
        /** What Retry-After says: when holding fewer is likely (an upload finishing; removing a device). */
        final Duration retryAfter;

        Cap(int fallback, String words, Duration retryAfter) {
            this.fallback = fallback;
            this.words = words;
            this.retryAfter = retryAfter;
        }

        public String variable() {
            return "QUOTA_" + name();
        }
    }

    /** At most {@code limit} uses per {@code window}. */
    public record Window(int limit, Duration window) {

        private static final Pattern SPEC = Pattern.compile("(\\d{1,6})/(\\d{1,4})([mhd])");

        /** "20/1d", "60/1h", "5/10m"; fails at start-up, naming the variable, on anything else. */
        public static Window parse(String variable, String spec) {
            Matcher m = SPEC.matcher(spec.trim().toLowerCase(Locale.ROOT));
            if (!m.matches() || Integer.parseInt(m.group(2)) == 0) {
                throw new IllegalStateException(variable + " must be uses/window such as 20/1d, 60/1h or 5/10m: " + spec);
            }
            long amount = Long.parseLong(m.group(2));
            Duration window = switch (m.group(3)) {
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new Window(Integer.parseInt(m.group(1)), window);
        }
    }

    private final QuotaCounter counter;
    private final Map<Rate, Window> rates;
    private final Map<Cap, Integer> caps;
    private final Clock clock;

    public Quotas(QuotaCounter counter, Map<Rate, Window> rates, Map<Cap, Integer> caps, Clock clock) {
        this.counter = counter;
        this.rates = new EnumMap<>(Rate.class);
        this.caps = new EnumMap<>(Cap.class);
        for (Rate rate : Rate.values()) {
            this.rates.put(rate, rates.containsKey(rate) ? rates.get(rate) : Window.parse(rate.variable(), rate.fallback));
        }
        for (Cap cap : Cap.values()) {
            this.caps.put(cap, caps.getOrDefault(cap, cap.fallback));
        }
        this.clock = clock;
    }

    /** The limits a stage sets (QUOTA_<RATE> as uses/window, QUOTA_<CAP> as a number); unset ones keep their default. */
    public static Quotas configured(QuotaCounter counter, Function<String, String> settings, Clock clock) {
        Map<Rate, Window> rates = new EnumMap<>(Rate.class);
        for (Rate rate : Rate.values()) {
            String spec = settings.apply(rate.variable());
            if (spec != null && !spec.isBlank()) {
                rates.put(rate, Window.parse(rate.variable(), spec));
            }
        }
        Map<Cap, Integer> caps = new EnumMap<>(Cap.class);
        for (Cap cap : Cap.values()) {
            String value = settings.apply(cap.variable());
            if (value != null && !value.isBlank()) {
                try {
                    caps.put(cap, Integer.parseInt(value.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalStateException(cap.variable() + " must be a whole number: " + value);
                }
            }
        }
        return new Quotas(counter, rates, caps, clock);
    }

    /** Counts one use of {@code rate} by the caller; a 429 when this window's uses are spent. */
    public void take(String userId, Rate rate) {
        Window limit = rates.get(rate);
        Instant now = clock.instant();
        long size = limit.window().toSeconds();
        Instant start = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), size));
        Instant end = start.plusSeconds(size);
        if (limit.limit() <= 0 || !counter.take(userId, rate.name(), start, end, limit.limit())) {
            throw Problem.throttled("too many " + rate.words + ": at most " + limit.limit() + " per "
                    + describe(limit.window()), Duration.between(now, end).toSeconds() + 1);
        }
    }

    /** A 429 when the caller already holds {@code held} of what {@code cap} bounds. */
    public void below(Cap cap, int held) {
        int limit = caps.get(cap);
        if (held >= limit) {
            throw Problem.throttled("too many " + cap.words + ": at most " + limit + " at once",
                    cap.retryAfter.toSeconds());
        }
    }

    public Window limit(Rate rate) {
        return rates.get(rate);
    }

    public int limit(Cap cap) {
        return caps.get(cap);
    }

    private static String describe(Duration window) {
        if (window.toDays() > 0 && window.toHours() % 24 == 0) {
            return window.toDays() == 1 ? "day" : window.toDays() + " days";
        }
        if (window.toHours() > 0 && window.toMinutes() % 60 == 0) {
            return window.toHours() == 1 ? "hour" : window.toHours() + " hours";
        }
        return window.toMinutes() + " minutes";
    }
}
