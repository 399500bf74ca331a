package app.realmoments.profile;

import app.realmoments.error.Problem;
import java.util.regex.Pattern;

/** The body of {@code PUT /me}. */
public record ProfileUpdate(String handle, String displayName, String campusId) {

    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_.]{3,30}");
    private static final Pattern CAMPUS = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    /** Checks every field and returns the normalised update (trimmed display name). */
    public ProfileUpdate validated() {
        if (handle == null) {
            throw Problem.invalid("handle", "handle is required");
        }
        if (!HANDLE.matcher(handle).matches()) {
            throw Problem.invalid("handle", "handle must be 3 to 30 of a-z, 0-9, _ and .");
        }
        if (displayName == null) {
            throw Problem.invalid("displayName", "displayName is required");
        }
        String name = displayName.strip();
        if (name.isEmpty() || name.codePointCount(0, name.length()) > 50) {
            throw Problem.invalid("displayName", "displayName must be 1 to 50 characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw Problem.invalid("displayName", "displayName must not contain control characters");
        }
        if (campusId != null && !CAMPUS.matcher(campusId).matches()) {
            throw Problem.invalid("campusId", "campusId must be a slug of a-z, 0-9 and -");
        }
        return new ProfileUpdate(handle, name, campusId);
    }
}
