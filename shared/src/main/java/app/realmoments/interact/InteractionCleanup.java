package app.realmoments.interact;

/**
 * What a deleted moment leaves of its interactions: every reaction and comment on it. Deleting a
 * moment means deleting what others wrote on it too (they could no longer see or remove it).
 */
@FunctionalInterface
public interface InteractionCleanup {

    /** Removes every reaction and comment item of the moment; repeating it is harmless. */
    void removeAll(String momentId);
}
