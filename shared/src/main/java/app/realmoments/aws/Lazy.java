package app.realmoments.aws;

import java.util.function.Supplier;

/**
 * A value made on first use, once per container: an SDK client a handler needs on some routes only stays
 * off the cold start of the others.
 */
public final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> make;
    private T value;

    private Lazy(Supplier<T> make) {
        this.make = make;
    }

    public static <T> Lazy<T> of(Supplier<T> make) {
        return new Lazy<>(make);
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = make.get();
        }
        return value;
    }
}
