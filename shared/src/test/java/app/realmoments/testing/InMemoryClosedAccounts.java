package app.realmoments.testing;

import app.realmoments.account.ClosedAccounts;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed accounts in a map, as {@code DynamoClosedAccounts} keeps them: a state and the time it holds until. */
public final class InMemoryClosedAccounts implements ClosedAccounts {

    private record Closure(State state, Instant until) {
    }

    private final Map<String, Closure> closures = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();

    @Override
    public void close(String userId, Instant until) {
        mark(userId, State.DELETING, until);
    }

    @Override
    public void suspend(String userId, Instant until) {
        mark(userId, State.SUSPENDED, until);
    }

    /** As the table's condition does: a state once set stays, the later time wins. */
    private void mark(String userId, State state, Instant until) {
        closures.merge(userId, new Closure(state, until), (old, next) ->
                new Closure(old.state(), old.until().isAfter(until) ? old.until() : until));
    }

    @Override
    public void markErased(String userId, Instant until) {
        closures.put(userId, new Closure(State.ERASED, until));
    }

    @Override
    public State state(String userId) {
        reads.incrementAndGet();
        Closure closure = closures.get(userId);
        return closure == null ? State.OPEN : closure.state();
    }

    /** What the account's record says, without counting a read; OPEN when it has none. */
    public State stateOf(String userId) {
        Closure closure = closures.get(userId);
        return closure == null ? State.OPEN : closure.state();
    }

    /** Until when the account is closed, or null. */
    public Instant until(String userId) {
        Closure closure = closures.get(userId);
        return closure == null ? null : closure.until();
    }

    /** The users with a record, whatever its state. */
    public java.util.Set<String> users() {
        return java.util.Set.copyOf(closures.keySet());
    }

    /** How many times a route asked. */
    public int reads() {
        return reads.get();
    }
}
