package app.realmoments.moment;

import app.realmoments.json.WriteNull;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /moments/{id}} as api.md shapes it, plus {@code review: "held"} (absent otherwise) on a moment
 * screening held for a moderator, so its author knows why it has not been published.
 */
public record MomentView(
        String momentId,
        Author author,
        String caption,
        Audience audience,
        MomentStatus status,
        String rejectReason,
        String createdAt,
        String publishedAt,
        @WriteNull Late late,
        List<Image> images,
        Reactions reactions,
        int commentCount,
        String review) {

    /** {@link #review} of a moment screening held: only its author can see a pending moment. */
    public static final String HELD = "held";

    public record Author(String userId, String handle, String displayName) {
    }

    public record Late(int minutes) {
    }

    public record Image(String role, String url, String thumbnailUrl, Integer width, Integer height) {
    }

    public record Reactions(Map<String, Integer> counts, @WriteNull String mine) {
    }
}
