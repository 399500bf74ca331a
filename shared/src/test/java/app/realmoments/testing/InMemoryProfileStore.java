package app.realmoments.testing;

import app.realmoments.error.Problem;
import app.realmoments.profile.Profile;
import app.realmoments.profile.ProfileStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

public final class InMemoryProfileStore implements ProfileStore {

    private final Map<String, Profile> profiles = new HashMap<>();
    private final Map<String, String> handles = new HashMap<>();

    @Override
    public synchronized Optional<Profile> find(String userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public synchronized Map<String, Profile> findAll(Collection<String> userIds) {
        Map<String, Profile> found = new HashMap<>();
        userIds.forEach(id -> find(id).ifPresent(p -> found.put(id, p)));
        return found;
    }

    @Override
    public synchronized void save(Profile profile, String previousHandle) {
        String holder = handles.get(profile.handle());
        if (holder != null && !holder.equals(profile.userId())) {
            throw Problem.conflict("handle_taken", "the handle " + profile.handle() + " is taken", "handle");
        }
        if (previousHandle != null && !previousHandle.equals(profile.handle())) {
            handles.remove(previousHandle);
        }
        handles.put(profile.handle(), profile.userId());
        profiles.put(profile.userId(), profile);
    }
}
