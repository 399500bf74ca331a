package app.realmoments.campus;

import java.util.List;

/** A campus as {@code GET /campuses} and {@code PUT /admin/campuses/{campusId}} answer it. */
public record CampusView(String campusId, String name, String timeZone, List<String> emailDomains) {

    public static CampusView of(Campus campus) {
        return new CampusView(campus.campusId(), campus.name(), campus.timeZone().getId(), campus.emailDomains());
    }
}
