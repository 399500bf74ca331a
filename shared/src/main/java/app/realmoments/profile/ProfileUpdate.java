package app.realmoments.profile;

import app.realmoments.error.Problem;
import app.realmoments.text.TypedText;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /me}. {@code campusId} is read-only: the service refuses any but the caller's
 * verified campus (api.md).
 */
public record ProfileUpdate(String handle, String displayName, String campusId) {

    private static final Pattern HANDLE = Pattern.compile("[a-z0-9_.]{3,30}");

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
        String name = TypedText.required("displayName", displayName, 50, TypedText.Lines.ONE);
        return new ProfileUpdate(handle, name, campusId);
    }
}
