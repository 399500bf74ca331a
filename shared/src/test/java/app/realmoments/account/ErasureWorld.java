package app.realmoments.account;

import app.realmoments.testing.InMemoryClosedAccounts;
import app.realmoments.feed.FeedStore;
import app.realmoments.interact.InteractionStore;
import app.realmoments.interact.Reaction;
import app.realmoments.moment.MomentStore;
import app.realmoments.notify.Device;
import app.realmoments.notify.DeviceStore;
import app.realmoments.notify.PushGateway;
import app.realmoments.notify.PushPlatform;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A whole stack in one map, for the erasure walk's unit tests: items by "store|pk|sk" with their
 * attributes (the same keys as docs/data-model.md), every port the walk uses backed by it, and a fault
 * that fails the n-th change (a throttled call, a function that died there).
 */
final class ErasureWorld {

    final Map<String, Map<String, String>> items = new TreeMap<>();
    final InMemoryClosedAccounts closed = new InMemoryClosedAccounts();
    final List<ErasureJob> queued = new ArrayList<>();
    final Set<String> poolUsers = new TreeSet<>();
    int changes;
    int failAt = -1;

    // ------------------------------------------------------------------ building

    ErasureWorld put(String store, String pk, String sk, String... attributes) {
        Map<String, String> item = new TreeMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            item.put(attributes[i], attributes[i + 1]);
        }
        items.put(store + "|" + pk + "|" + sk, item);
        return this;
    }

    Map<String, String> get(String store, String pk, String sk) {
        return items.get(store + "|" + pk + "|" + sk);
    }

    private void change(String what) {
        changes++;
        if (changes == failAt) {
            throw new IllegalStateException("injected failure at change " + changes + " (" + what + ")");
        }
    }

    private void delete(String store, String pk, String sk) {
        if (items.containsKey(store + "|" + pk + "|" + sk)) {
            change("delete " + store + "|" + pk + "|" + sk);
            items.remove(store + "|" + pk + "|" + sk);
        }
    }

    private List<String[]> partition(String store, String pk) {
        List<String[]> keys = new ArrayList<>();
        for (String key : items.keySet()) {
            String[] parts = key.split("\\|", 3);
            if (parts[0].equals(store) && parts[1].equals(pk)) {
                keys.add(parts);
            }
        }
        return keys;
    }

    private List<String[]> where(String store, String attribute, String value) {
        List<String[]> keys = new ArrayList<>();
        items.forEach((key, item) -> {
            String[] parts = key.split("\\|", 3);
            if (parts[0].equals(store) && value.equals(item.get(attribute))) {
                keys.add(parts);
            }
        });
        return keys;
    }

    // ------------------------------------------------------------------ the walk

    AccountErasure erasure() {
        return new AccountErasure(store(), devices(), push(), proxy(MomentStore.class, (name, args) -> {
            if (name.equals("delete")) {
                delete("Moments", (String) args[0], "-");
                return null;
            }
            throw new UnsupportedOperationException(name);
        }), proxy(FeedStore.class, (name, args) -> {
            if (name.equals("removeMoment")) {
                where("Feed", "momentId", (String) args[0]).forEach(k -> delete(k[0], k[1], k[2]));
                return null;
            }
            throw new UnsupportedOperationException(name);
        }), interactions(), momentId -> partition("Interactions", "MOMENT#" + momentId).forEach(k -> delete(k[0], k[1], k[2])),
                objects("Media"), objects("Exports"), directory(), closed, (job, delay) -> {
                    change("queue " + job);
                    queued.add(job);
                }, List.of(), Duration.ofHours(1), Duration.ZERO, java.time.Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"),
                java.time.ZoneOffset.UTC));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.util.function.BiFunction<String, Object[], Object> body) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? type.getSimpleName() : method.invoke(body, args);
            }
            return body.apply(method.getName(), args);
        });
    }

    private ErasableObjects objects(String bucket) {
        return new ErasableObjects() {
            @Override
            public int delete(Collection<String> keys) {
                keys.forEach(key -> ErasureWorld.this.delete(bucket, key, "-"));
                return keys.size();
            }

            @Override
            public int deleteUnder(String prefix) {
                List<String> keys = items.keySet().stream().filter(k -> k.startsWith(bucket + "|" + prefix))
                        .map(k -> k.split("\\|", 3)[1]).toList();
                return delete(keys);
            }
        };
    }

    private UserDirectory directory() {
        return new UserDirectory() {
            @Override
            public void disable(String userId) {
            }

            @Override
            public void delete(String userId) {
                if (poolUsers.contains(userId)) {
                    change("pool delete");
                    poolUsers.remove(userId);
                }
            }
        };
    }

    private PushGateway push() {
        return proxy(PushGateway.class, (name, args) -> {
            if (name.equals("deleteEndpoint")) {
                delete("Sns", (String) args[0], "-");
                return null;
            }
            throw new UnsupportedOperationException(name);
        });
    }

    private DeviceStore devices() {
        return proxy(DeviceStore.class, (name, args) -> switch (name) {
            case "devicesOf" -> {
                List<Device> devices = new ArrayList<>();
                for (String[] k : partition("Users", "USER#" + args[0])) {
                    if (k[2].startsWith("DEVICE#")) {
                        Map<String, String> item = get(k[0], k[1], k[2]);
                        devices.add(new Device((String) args[0], k[2].substring(7), PushPlatform.FCM, item.get("tokenHash"),
                                item.get("endpointArn"), Instant.EPOCH));
                    }
                }
                yield devices;
            }
            case "remove" -> {
                Device device = (Device) args[0];
                delete("Users", "USER#" + device.userId(), "DEVICE#" + device.deviceId());
                Map<String, String> claim = get("Users", "DEVICE_TOKEN#" + device.tokenHash(), "TOKEN");
                boolean held = claim != null && device.deviceId().equals(claim.get("deviceId"));
                if (held) {
                    delete("Users", "DEVICE_TOKEN#" + device.tokenHash(), "TOKEN");
                }
                yield held || claim == null;
            }
            default -> throw new UnsupportedOperationException(name);
        });
    }

    private InteractionStore interactions() {
        return proxy(InteractionStore.class, (name, args) -> switch (name) {
            case "reaction" -> {
                Map<String, String> item = get("Interactions", "MOMENT#" + args[0], "REACTION#" + args[1]);
                yield item == null ? Optional.empty()
                        : Optional.of(new Reaction((String) args[0], (String) args[1], item.get("emoji"), Instant.EPOCH));
            }
            case "unreact" -> counted((String) args[0], "REACTION#" + args[1], "reactions");
            case "deleteComment" -> counted((String) args[0], "COMMENT#" + args[1], "comments");
            default -> throw new UnsupportedOperationException(name);
        });
    }

    /** The item and its count in one change, as the store's transaction does; nothing on a moment that is gone. */
    private InteractionStore.Outcome counted(String momentId, String sk, String count) {
        Map<String, String> moment = get("Moments", momentId, "-");
        if (moment == null) {
            return InteractionStore.Outcome.MOMENT_GONE;
        }
        if (get("Interactions", "MOMENT#" + momentId, sk) == null) {
            return InteractionStore.Outcome.RACED;
        }
        change("counted delete " + momentId + " " + sk);
        items.remove("Interactions|MOMENT#" + momentId + "|" + sk);
        moment.put(count, Integer.toString(Integer.parseInt(moment.get(count)) - 1));
        return InteractionStore.Outcome.DONE;
    }

    private ErasureStore store() {
        return new ErasureStore() {
            @Override
            public Optional<ProfileKeys> profileKeys(String userId) {
                Map<String, String> profile = get("Users", "USER#" + userId, "PROFILE");
                return profile == null ? Optional.empty()
                        : Optional.of(new ProfileKeys(profile.get("handle"), profile.get("campusId"), profile.get("schoolEmail")));
            }

            private static final Map<String, EdgeKind> PREFIXES = Map.of("FRIEND#", EdgeKind.FRIEND,
                    "REQ_OUT#", EdgeKind.REQUEST_OUT, "REQ_IN#", EdgeKind.REQUEST_IN, "BLOCK#", EdgeKind.BLOCK,
                    "BLOCKED_BY#", EdgeKind.BLOCKED_BY, "COOLDOWN#", EdgeKind.COOLDOWN);
            private static final Map<EdgeKind, String> OTHER = Map.of(EdgeKind.FRIEND, "FRIEND#",
                    EdgeKind.REQUEST_OUT, "REQ_IN#", EdgeKind.REQUEST_IN, "REQ_OUT#", EdgeKind.BLOCK, "BLOCKED_BY#",
                    EdgeKind.BLOCKED_BY, "BLOCK#");

            @Override
            public List<Edge> edges(String userId) {
                List<Edge> edges = new ArrayList<>();
                for (String[] k : partition("Users", "USER#" + userId)) {
                    PREFIXES.forEach((prefix, kind) -> {
                        if (k[2].startsWith(prefix)) {
                            edges.add(new Edge(kind, k[2].substring(prefix.length())));
                        }
                    });
                }
                return edges;
            }

            @Override
            public void removeEdges(String userId, List<Edge> edges) {
                for (Edge edge : edges) {
                    if (OTHER.containsKey(edge.kind())) {
                        delete("Users", "USER#" + edge.otherId(), OTHER.get(edge.kind()) + userId);
                    }
                }
                for (Edge edge : edges) {
                    String own = PREFIXES.entrySet().stream().filter(e -> e.getValue() == edge.kind()).findFirst().orElseThrow().getKey();
                    delete("Users", "USER#" + userId, own + edge.otherId());
                }
            }

            @Override
            public Set<String> requesters(String userId) {
                Set<String> requesters = new TreeSet<>();
                for (String[] k : partition("Notifications", "USER#" + userId)) {
                    Map<String, String> item = get(k[0], k[1], k[2]);
                    if ("friend_request".equals(item.get("type"))) {
                        requesters.add(item.get("actorId"));
                    }
                }
                return requesters;
            }

            @Override
            public void removeCooldownsNaming(String userId, Collection<String> others) {
                others.forEach(other -> delete("Users", "USER#" + other, "COOLDOWN#" + userId));
            }

            @Override
            public boolean holdsTokenClaim(String userId, String deviceId, String tokenHash) {
                Map<String, String> claim = get("Users", "DEVICE_TOKEN#" + tokenHash, "TOKEN");
                return claim != null && userId.equals(claim.get("userId")) && deviceId.equals(claim.get("deviceId"));
            }

            @Override
            public void removeTokenClaim(String userId, String deviceId, String tokenHash) {
                if (holdsTokenClaim(userId, deviceId, tokenHash)) {
                    delete("Users", "DEVICE_TOKEN#" + tokenHash, "TOKEN");
                }
            }

            @Override
            public void removeHandleClaim(String handle, String userId) {
                deleteIfOwned("HANDLE#" + handle, "HANDLE", userId);
            }

            @Override
            public void removeSchoolEmailClaim(String schoolEmailHash, String userId) {
                deleteIfOwned("SCHOOL_EMAIL#" + schoolEmailHash, "CLAIM", userId);
            }

            private void deleteIfOwned(String pk, String sk, String userId) {
                Map<String, String> claim = get("Users", pk, sk);
                if (claim != null && userId.equals(claim.get("userId"))) {
                    delete("Users", pk, sk);
                }
            }

            @Override
            public void removeMembership(String campusId, String userId) {
                delete("Users", "CAMPUS#" + campusId, "MEMBER#" + userId);
            }

            @Override
            public List<OwnMoment> momentsOf(String userId) {
                return where("Moments", "authorId", userId).stream().map(k -> new OwnMoment(k[1],
                        "pending".equals(get(k[0], k[1], k[2]).get("status")))).toList();
            }

            @Override
            public List<Interaction> interactionsBy(String userId) {
                Set<Interaction> found = new LinkedHashSet<>();
                for (String[] k : where("Interactions", "userId", userId)) {
                    found.add(new Interaction(InteractionKind.REACTION, k[1].substring(7), null));
                }
                for (String[] k : where("Interactions", "authorId", userId)) {
                    found.add(k[2].startsWith("COMMENT#")
                            ? new Interaction(InteractionKind.COMMENT, k[1].substring(7), k[2].substring(8))
                            : new Interaction(InteractionKind.COMMENT_MARKER, k[1].substring(7), k[2]));
                }
                return List.copyOf(found);
            }

            @Override
            public void removeUncounted(String userId, Interaction interaction) {
                String sk = switch (interaction.kind()) {
                    case REACTION -> "REACTION#" + userId;
                    case COMMENT -> "COMMENT#" + interaction.id();
                    case COMMENT_MARKER -> interaction.id();
                };
                delete("Interactions", "MOMENT#" + interaction.momentId(), sk);
            }

            @Override
            public int removeFeedOf(String userId) {
                return deleteAll(partition("Feed", "USER#" + userId));
            }

            @Override
            public int removeInboxOf(String userId) {
                return deleteAll(partition("Notifications", "USER#" + userId));
            }

            @Override
            public int removeCausedNotifications(String userId) {
                return deleteAll(where("Notifications", "actorId", userId));
            }

            @Override
            public int removeUserPartition(String userId) {
                List<String[]> keys = new ArrayList<>(partition("Users", "USER#" + userId));
                keys.removeIf(k -> k[2].equals("PROFILE"));
                int n = deleteAll(keys);
                if (get("Users", "USER#" + userId, "PROFILE") != null) {
                    delete("Users", "USER#" + userId, "PROFILE");
                    n++;
                }
                return n;
            }

            private int deleteAll(List<String[]> keys) {
                keys.forEach(k -> delete(k[0], k[1], k[2]));
                return keys.size();
            }
        };
    }

    /** Every item key or attribute that contains one of the strings. */
    List<String> naming(String... strings) {
        List<String> hits = new ArrayList<>();
        items.forEach((key, item) -> {
            String text = key + " " + item;
            for (String s : strings) {
                if (text.contains(s)) {
                    hits.add(text);
                }
            }
        });
        for (String s : strings) {
            if (poolUsers.contains(s)) {
                hits.add("pool user " + s);
            }
        }
        return hits;
    }

    Map<String, Map<String, String>> snapshot() {
        Map<String, Map<String, String>> copy = new HashMap<>();
        items.forEach((k, v) -> copy.put(k, new TreeMap<>(v)));
        return copy;
    }
}
