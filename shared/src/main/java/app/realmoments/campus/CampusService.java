package app.realmoments.campus;

import app.realmoments.error.Problem;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.ProfileStore;
import app.realmoments.social.UserIds;
import java.time.Clock;
import java.util.Map;

/**
 * {@code GET /campuses} for everyone signed in; for admins (the routes check), {@code PUT
 * /admin/campuses/{campusId}} and the grant of a membership without a school email.
 */
public final class CampusService {

    private final CampusRegistry registry;
    private final MembershipStore membership;
    private final ProfileStore profiles;
    private final Cursors cursors;
    private final Clock clock;

    public CampusService(CampusRegistry registry, MembershipStore membership, ProfileStore profiles, Cursors cursors,
                         Clock clock) {
        this.registry = registry;
        this.membership = membership;
        this.profiles = profiles;
        this.cursors = cursors;
        this.clock = clock;
    }

    /** The registry in id order, a page at a time. */
    public Page<CampusView> list(int limit, String cursor) {
        Map<String, String> position = cursors.decode("campuses", cursor);
        CampusRegistry.Slice slice = registry.page(limit, position == null ? null : position.get("after"));
        return new Page<>(slice.campuses().stream().map(CampusView::of).toList(),
                cursors.encode("campuses", slice.after() == null ? null : Map.of("after", slice.after())));
    }

    /** Creates or replaces the campus (the caller is an admin: the route checks). */
    public Saved put(String campusId, CampusUpdate update) {
        Campus campus = update.validated(campusId, clock.instant());
        boolean created = registry.put(campus);
        return new Saved(CampusView.of(campus), created);
    }

    /**
     * {@code PUT /admin/campuses/{campusId}/members/{userId}}: the user becomes a verified member without an
     * address (a student whose school mail cannot reach us); 404 for a campus or user that does not exist.
     */
    public void grant(String campusId, String userId) {
        if (!Campus.isWellFormedId(campusId) || registry.find(campusId).isEmpty()) {
            throw Problem.notFound("campus");
        }
        if (!UserIds.isWellFormed(userId) || profiles.find(userId).isEmpty()) {
            throw UserIds.unknownUser();
        }
        membership.grant(userId, campusId, clock.instant());
    }

    public record Saved(CampusView campus, boolean created) {
    }
}
