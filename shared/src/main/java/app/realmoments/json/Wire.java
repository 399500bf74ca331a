package app.realmoments.json;

/** An enum with a wire form of its own (e.g. lower-case): written and read as {@link #wire()}, not its name. */
public interface Wire {

    String wire();
}
