package app.realmoments.report;

import app.realmoments.error.Problem;
import app.realmoments.id.Ids;
import app.realmoments.social.UserIds;
import app.realmoments.text.TypedText;

/** The body of {@code POST /reports}, as sent. */
public record NewReport(String targetType, String targetId, String momentId, String reason, String note) {

    /** api.md: a note is optional typed text of at most this many characters. */
    public static final int MAX_NOTE_LENGTH = 500;

    public record Valid(Target target, Reason reason, String note) {
    }

    /** The checked report: a known type and reason, ids of the right shape, a note by the typed-text rules. */
    public Valid validated() {
        TargetType type = TargetType.fromWire(targetType);
        if (type == null) {
            throw Problem.invalid("targetType", "targetType must be moment, comment or user");
        }
        Reason why = Reason.fromWire(reason);
        if (why == null) {
            throw Problem.invalid("reason", "reason must be spam, harassment, nudity, violence, self_harm, hate or other");
        }
        Target target = switch (type) {
            case MOMENT -> Target.moment(momentIdIn("targetId", targetId));
            case COMMENT -> {
                String commentId = momentIdIn("targetId", targetId);
                yield Target.comment(momentIdIn("momentId", momentId), commentId);
            }
            case USER -> {
                if (!UserIds.isWellFormed(targetId)) {
                    throw Problem.invalid("targetId", "targetId must be a user id");
                }
                yield Target.user(targetId);
            }
        };
        return new Valid(target, why, TypedText.optional("note", note, MAX_NOTE_LENGTH, TypedText.Lines.MANY));
    }

    private static String momentIdIn(String field, String value) {
        if (!Ids.isWellFormed(value)) {
            throw Problem.invalid(field, field + " must be an id");
        }
        return value;
    }
}
