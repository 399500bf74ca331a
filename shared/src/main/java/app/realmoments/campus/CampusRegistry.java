package app.realmoments.campus;

import java.util.List;
import java.util.Optional;

/** The campuses students can verify with: only admins add or change them. */
public interface CampusRegistry {

    Optional<Campus> find(String campusId);

    /** Campuses in id order after {@code after} (null: from the first), at most {@code limit}. */
    Slice page(int limit, String after);

    /** Creates or replaces the campus; true when it was new. */
    boolean put(Campus campus);

    /** {@code after} is the id to continue from, null on the last slice. */
    record Slice(List<Campus> campuses, String after) {
    }
}
