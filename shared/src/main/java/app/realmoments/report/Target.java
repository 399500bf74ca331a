package app.realmoments.report;

import app.realmoments.social.SocialGraph;

/**
 * What a report points at, by reference only (never a copy of the content): a moment, a comment on a
 * moment ({@code momentId} is the moment it is on), or a user. For a moment {@code momentId} is its own id;
 * for a user it is null.
 */
public record Target(TargetType type, String id, String momentId) {

    public static Target moment(String momentId) {
        return new Target(TargetType.MOMENT, momentId, momentId);
    }

    public static Target comment(String momentId, String commentId) {
        return new Target(TargetType.COMMENT, commentId, momentId);
    }

    public static Target user(String userId) {
        return new Target(TargetType.USER, userId, null);
    }

    /** {@code moment#{id}}, {@code comment#{id}} or {@code user#{id}}: what the reporter's edge names. */
    public String ref() {
        return SocialGraph.ref(type.wire(), id);
    }
}
