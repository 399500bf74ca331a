package app.realmoments.prompt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Campuses, their members and their daily prompts. */
public interface PromptStore {

    /** Every campus someone has joined (the registry PUT /me keeps). */
    List<String> campuses();

    /** The campus's members, a page at a time, never all at once in memory. */
    void forEachMemberPage(String campusId, Consumer<List<String>> page);

    Optional<Prompt> find(String campusId, LocalDate date);

    /** Stores the prompt unless that campus and day already has one; true when this call stored it. */
    boolean plan(Prompt prompt);

    /** Prompts whose time has come by {@code now} and that were not fired yet. */
    List<Prompt> due(Instant now);

    /** Takes the prompt for firing until {@code until}, unless it was fired or another run holds it. */
    boolean claim(Prompt prompt, Instant now, Instant until);

    /** Marks it fired: it is never due again. */
    void fired(Prompt prompt, Instant at);
}
