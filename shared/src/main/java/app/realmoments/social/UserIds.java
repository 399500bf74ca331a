package app.realmoments.social;

import app.realmoments.error.Problem;
import java.util.regex.Pattern;

/**
 * User ids are the Cognito {@code sub} of the user's tokens: a UUID today, but only its outline is
 * relied on (1 to 128 letters, digits and hyphens), so ULID-shaped ids of tests and fixtures pass too.
 */
public final class UserIds {

    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9-]{1,128}");

    private UserIds() {
    }

    /** True when {@code value} can be a user id; anything else never reaches storage. */
    public static boolean isWellFormed(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /**
     * The one answer for a user id that is malformed, unknown, or on the other side of a block: the
     * three must be indistinguishable, or a block would show.
     */
    public static Problem unknownUser() {
        return Problem.notFound("user");
    }

    /** The checks every change to a pair starts with: a malformed id is an unknown user, one's own id bad input. */
    static void requireOther(String callerId, String otherId, String selfMessage) {
        if (!isWellFormed(otherId)) {
            throw unknownUser();
        }
        if (otherId.equals(callerId)) {
            throw Problem.invalid("userId", selfMessage);
        }
    }
}
