package app.realmoments.social;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the caller stands with another user, as {@code GET /users/{userId}} shows it. */
public enum Friendship {
    /** Nothing between them (also what a user sees of themself). */
    NONE,
    /** The caller asked them and they have not answered. */
    REQUESTED,
    /** They asked the caller. */
    INCOMING,
    FRIENDS;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
