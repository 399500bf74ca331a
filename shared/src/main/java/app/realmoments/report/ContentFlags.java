package app.realmoments.report;

/**
 * Moderation's marks on the content itself, which the one visibility rule reads with the content
 * ({@code hidden} on a moment, a comment or a profile; {@code suspendedAt} on a profile). Each is
 * idempotent, and nothing when the content is gone.
 */
public interface ContentFlags {

    /** Hides the target from everyone but its author (a user target: the whole person). */
    void hide(Target target);

    /** Shows it again; a suspended person stays hidden. */
    void show(Target target);

    /** Marks the person suspended and hides them (profile, moments, comments) from everyone else. */
    void suspend(String userId);
}
