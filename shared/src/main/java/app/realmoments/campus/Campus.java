package app.realmoments.campus;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A campus of the registry: its id (a slug), its name, the time zone its daily prompt and its members'
 * quiet hours keep, and the email domains of its school, which are what a student verifies with.
 */
public record Campus(String campusId, String name, ZoneId timeZone, List<String> emailDomains, Instant updatedAt) {

    /** A campus id: a slug of a-z, 0-9 and inner hyphens, 1 to 64 characters. */
    public static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    public Campus {
        emailDomains = List.copyOf(emailDomains);
    }

    public static boolean isWellFormedId(String campusId) {
        return campusId != null && ID.matcher(campusId).matches();
    }

    /** Whether an address at {@code domain} (lower case, ASCII) is one of this school's. */
    public boolean ownsDomain(String domain) {
        return emailDomains.contains(domain);
    }
}
