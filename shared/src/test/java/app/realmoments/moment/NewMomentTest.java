package app.realmoments.moment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.moment.NewMoment.ImageDeclaration;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewMomentTest {

    private static final ImageDeclaration BACK = new ImageDeclaration("back", "image/jpeg", 1000L);

    @Test
    void aValidMomentKeepsItsImagesByRole() {
        NewMoment.Valid valid = new NewMoment("  sunset at the quad ", "campus",
                List.of(BACK, new ImageDeclaration("front", "image/png", 2000L))).validated();
        assertEquals("sunset at the quad", valid.caption());
        assertEquals(Audience.CAMPUS, valid.audience());
        assertEquals(2, valid.images().size());
        assertEquals(2000L, valid.images().get(ImageRole.FRONT).contentLength());
        assertNull(new NewMoment("   ", "friends", List.of(BACK)).validated().caption());
    }

    @Test
    void badRequestsNameTheirFieldAndStatus() {
        assertProblem(400, "caption", new NewMoment("x".repeat(501), "friends", List.of(BACK)));
        assertProblem(400, "audience", new NewMoment(null, null, List.of(BACK)));
        assertProblem(400, "audience", new NewMoment(null, "everyone", List.of(BACK)));
        assertProblem(400, "images", new NewMoment(null, "friends", List.of()));
        assertProblem(400, "images", new NewMoment(null, "friends", null));
        assertProblem(400, "images", new NewMoment(null, "friends", List.of(BACK, BACK, BACK)));
        assertProblem(400, "images.role", new NewMoment(null, "friends", List.of(BACK, BACK)));
        assertProblem(400, "images.role", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("front", "image/jpeg", 10L))));
        assertProblem(400, "images.role", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("side", "image/jpeg", 10L))));
        assertProblem(415, "images.contentType", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("back", "image/gif", 10L))));
        assertProblem(400, "images.contentLength", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("back", "image/jpeg", 0L))));
        assertProblem(413, "images.contentLength", new NewMoment(null, "friends",
                List.of(new ImageDeclaration("back", "image/jpeg", 15L * 1024 * 1024 + 1))));
    }

    private static void assertProblem(int status, String field, NewMoment request) {
        Problem problem = assertThrows(Problem.class, request::validated);
        assertEquals(status, problem.kind().status, problem.getMessage());
        assertEquals(field, problem.field(), problem.getMessage());
    }
}
