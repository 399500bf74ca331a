package app.realmoments.testing;

import app.realmoments.prompt.Prompt;
import app.realmoments.prompt.PromptStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Campuses, members and prompts in memory, with the store's conditional plan, claim and fired rules. */
public final class InMemoryPromptStore implements PromptStore {

    public final Map<String, TreeSet<String>> members = new LinkedHashMap<>();
    public final Map<String, Prompt> prompts = new HashMap<>();
    public final Map<String, Instant> fired = new HashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();
    private final int pageSize;
    public int memberPages;

    public InMemoryPromptStore(int pageSize) {
        this.pageSize = pageSize;
    }

    public synchronized InMemoryPromptStore join(String campusId, String... userIds) {
        members.computeIfAbsent(campusId, c -> new TreeSet<>()).addAll(List.of(userIds));
        return this;
    }

    @Override
    public void forEachMemberPage(String campusId, Consumer<List<String>> page) {
        List<String> all;
        synchronized (this) {
            all = new ArrayList<>(members.getOrDefault(campusId, new TreeSet<>()));
        }
        for (int i = 0; i < all.size(); i += pageSize) {
            synchronized (this) {
                memberPages++;
            }
            page.accept(all.subList(i, Math.min(all.size(), i + pageSize)));
        }
    }

    @Override
    public synchronized Optional<Prompt> find(String campusId, LocalDate date) {
        return Optional.ofNullable(prompts.get(campusId + "/" + date));
    }

    @Override
    public synchronized boolean plan(Prompt prompt) {
        return prompts.putIfAbsent(prompt.campusId() + "/" + prompt.date(), prompt) == null;
    }

    @Override
    public synchronized List<Prompt> due(Instant until) {
        return prompts.values().stream().filter(p -> !p.promptAt().isAfter(until))
                .filter(p -> !fired.containsKey(p.campusId() + "/" + p.date())).toList();
    }

    @Override
    public synchronized boolean claim(Prompt prompt, Instant now, Instant until) {
        String key = prompt.campusId() + "/" + prompt.date();
        Instant lease = leases.get(key);
        if (fired.containsKey(key) || (lease != null && !lease.isBefore(now))) {
            return false;
        }
        leases.put(key, until);
        return true;
    }

    @Override
    public synchronized void fired(Prompt prompt, Instant at) {
        fired.put(prompt.campusId() + "/" + prompt.date(), at);
    }
}
