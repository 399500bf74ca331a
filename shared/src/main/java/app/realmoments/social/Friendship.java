package app.realmoments.social;

import app.realmoments.json.Wire;
import java.util.Locale;

/** How the caller stands with another user, as {@code GET /users/{userId}} shows it. */
public enum Friendship implements Wire {
    /** Nothing between them (also what a user sees of themself). */
    NONE,
    /** The caller asked them and they have not answered. */
    REQUESTED,
    /** They asked the caller. */
    INCOMING,
    FRIENDS;

    @Override
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
