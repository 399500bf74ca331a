package app.realmoments.account;

import java.util.Collection;

/** One bucket's objects, as erasure deletes them: by key, and everything under a prefix. */
public interface ErasableObjects {

    /** Deletes the objects (missing ones are no error); returns how many keys were asked for. */
    int delete(Collection<String> keys);

    /** Deletes every object whose key starts with {@code prefix}; returns how many there were. */
    int deleteUnder(String prefix);

    /** A bucket the stage does not have: nothing to delete. */
    ErasableObjects NONE = new ErasableObjects() {
        @Override
        public int delete(Collection<String> keys) {
            return 0;
        }

        @Override
        public int deleteUnder(String prefix) {
            return 0;
        }
    };
}
