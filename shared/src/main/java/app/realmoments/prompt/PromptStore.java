package app.realmoments.prompt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Campuses' members (written by verification) and their daily prompts. */
public interface PromptStore {

    /** The campus's members, a page at a time, never all at once in memory. */
    void forEachMemberPage(String campusId, Consumer<List<String>> page);

    Optional<Prompt> find(String campusId, LocalDate date);

    /** Stores the prompt unless that campus and day already has one; true when this call stored it. */
    boolean plan(Prompt prompt);

    /** Prompts whose time comes by {@code until} (now, or a little ahead) and that were not fired yet. */
    List<Prompt> due(Instant until);

    /** Takes the prompt for firing until {@code until}, unless it was fired or another run holds it. */
    boolean claim(Prompt prompt, Instant now, Instant until);

    /** Marks it fired (its members' jobs are queued): it is never due again. */
    void fired(Prompt prompt, Instant at);
}
