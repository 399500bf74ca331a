package app.realmoments.moment;

import app.realmoments.json.WriteNull;
import java.util.List;
import java.util.Map;

/** {@code GET /moments/{id}} as api.md shapes it. */
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
        int commentCount) {

    public record Author(String userId, String handle, String displayName) {
    }

    public record Late(int minutes) {
    }

    public record Image(String role, String url, String thumbnailUrl, Integer width, Integer height) {
    }

    public record Reactions(Map<String, Integer> counts, @WriteNull String mine) {
    }
}
