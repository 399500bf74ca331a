package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.page.Cursors;
import app.realmoments.page.Page;
import app.realmoments.profile.Profile;
import app.realmoments.testing.FakeSocialGraph;
import app.realmoments.testing.InMemoryMediaStore;
import app.realmoments.testing.InMemoryMomentStore;
import app.realmoments.testing.InMemoryProfileStore;
import app.realmoments.testing.Services;
import app.realmoments.testing.Ulids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoriesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final InMemoryMomentStore moments = new InMemoryMomentStore();
    private final InMemoryProfileStore profiles = new InMemoryProfileStore();
    private final FakeSocialGraph graph = new FakeSocialGraph().friends("ana", "ben").friends("ana", "blk")
            .block("blk", "ana");
    private final Cursors cursors = new Cursors("0123456789abcdef0123456789abcdef");
    private final Memories memories = new Memories(moments, profiles, graph, Services.views(new InMemoryMediaStore()), cursors);
    /** Ana's moments newest first: friends, campus, pending friends, campus, friends ... */
    private final List<Moment> anas = new ArrayList<>();

    @BeforeEach
    void anaPosts() {
        for (String id : List.of("ana", "ben", "cai", "dan", "blk")) {
            profiles.save(new Profile(id, id + "_h", id, id.equals("dan") ? "south" : "north", NOW, NOW, null), null);
        }
        for (int i = 0; i < 10; i++) {
            Audience audience = i % 2 == 0 ? Audience.FRIENDS : Audience.CAMPUS;
            MomentStatus status = i == 7 ? MomentStatus.PENDING : MomentStatus.PUBLISHED;
            Moment moment = new Moment(Ulids.next(), "ana", null, audience, "north", status, null, NOW, NOW, null, Map.of());
            moments.create(moment, NOW);
            anas.add(0, moment);
        }
    }

    @Test
    void theAuthorSeesEverythingAFriendThePublishedAndACampusMemberTheCampusOnes() {
        assertEquals(ids(anas), all("ana"));
        assertEquals(ids(anas.stream().filter(Moment::isPublished).toList()), all("ben"));
        assertEquals(ids(anas.stream().filter(m -> m.isPublished() && m.audience() == Audience.CAMPUS).toList()), all("cai"));
        assertEquals(List.of(), all("dan"), "another campus, no friendship: nothing");
    }

    @Test
    void blockedEitherWayOrUnknownIsNotFound() {
        assertEquals(404, assertThrows(Problem.class, () -> memories.of("blk", "ana", 20, null)).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> memories.of("ana", "blk", 20, null)).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> memories.of("ana", "nobody", 20, null)).kind().status);
        assertEquals(404, assertThrows(Problem.class, () -> memories.of("ana", "bad/id", 20, null)).kind().status);
    }

    @Test
    void pagesAreFullAndTheCursorIsTheReadersOwn() {
        Page<MomentView> first = memories.of("cai", "ana", 3, null);
        assertEquals(3, first.items().size(), "filtered slices are topped up");
        assertNotNull(first.nextCursor());
        assertEquals(400, assertThrows(Problem.class, () -> memories.of("ben", "ana", 3, first.nextCursor())).kind().status);
        Page<MomentView> second = memories.of("cai", "ana", 3, first.nextCursor());
        assertEquals(1, second.items().size());
        assertNull(second.nextCursor());
    }

    private List<String> all(String viewer) {
        List<String> out = new ArrayList<>();
        Page<MomentView> page = memories.of(viewer, "ana", 4, null);
        out.addAll(page.items().stream().map(MomentView::momentId).toList());
        while (page.nextCursor() != null) {
            page = memories.of(viewer, "ana", 4, page.nextCursor());
            out.addAll(page.items().stream().map(MomentView::momentId).toList());
        }
        return out;
    }

    private static List<String> ids(List<Moment> list) {
        return list.stream().map(Moment::momentId).toList();
    }
}
