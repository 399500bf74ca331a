package app.realmoments.campus;

import app.realmoments.error.Problem;
import app.realmoments.text.TypedText;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The body of {@code PUT /admin/campuses/{campusId}}. */
public record CampusUpdate(String name, String timeZone, List<String> emailDomains) {

    /** How many school domains one campus may list. */
    static final int MAX_DOMAINS = 20;

    /** The campus this update makes, every field checked: a 400 naming the first that is wrong. */
    public Campus validated(String campusId, Instant now) {
        if (!Campus.isWellFormedId(campusId)) {
            throw Problem.invalid("campusId", "campusId must be a slug of a-z, 0-9 and -, at most 64 characters");
        }
        String checkedName = TypedText.required("name", name, 100, TypedText.Lines.ONE);
        if (timeZone == null || !ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw Problem.invalid("timeZone", "timeZone must be an IANA time zone such as America/New_York");
        }
        if (emailDomains == null || emailDomains.isEmpty() || emailDomains.size() > MAX_DOMAINS) {
            throw Problem.invalid("emailDomains", "emailDomains must list 1 to " + MAX_DOMAINS + " domains");
        }
        Set<String> domains = new LinkedHashSet<>();
        for (String domain : emailDomains) {
            String ascii = SchoolEmail.domain(domain);
            if (ascii == null) {
                throw Problem.invalid("emailDomains", "not an email domain: " + domain);
            }
            domains.add(ascii);
        }
        return new Campus(campusId, checkedName, ZoneId.of(timeZone), new ArrayList<>(domains), now);
    }
}
